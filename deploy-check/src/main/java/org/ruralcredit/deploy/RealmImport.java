package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes the KeycloakRealmImport of k8s/infra from the realm file the one-machine stack imports
 * (k8s/keycloak/rural-credit-realm.json), so both run the same realm. Three differences, all
 * for a real deployment: the demo users are left out (service-account users stay: they carry
 * the uma_protection role the policy enforcer needs); each confidential client's demo secret
 * becomes a placeholder filled from that service's {@code <client>-oidc} Secret; and the web
 * console may redirect to the public host.
 */
public final class RealmImport {

    public static final String PUBLIC_URL = "https://ruralcredit.example.org";
    private static final String CONSOLE = "rural-credit-console";

    private RealmImport() {
    }

    public static ObjectNode fromRealmFile(Path realmFile) {
        JsonNode realm;
        try {
            realm = new ObjectMapper().readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + realmFile, e);
        }
        ObjectNode r = (ObjectNode) realm.deepCopy();
        ArrayNode users = (ArrayNode) r.path("users");
        for (Iterator<JsonNode> it = users.elements(); it.hasNext(); ) {
            if (!it.next().path("username").asText().startsWith("service-account-")) {
                it.remove();
            }
        }
        ObjectNode doc = Kustomize.YAML.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        doc.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("name", r.path("realm").asText());
        ObjectNode labels = metadata.putObject("labels");
        labels.put("app.kubernetes.io/part-of", "rural-credit");
        labels.put("ruralcredit.org/layer", "infra");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        for (JsonNode client : r.path("clients")) {
            String clientId = client.path("clientId").asText();
            if (client.hasNonNull("secret") && !client.path("publicClient").asBoolean(false)) {
                String placeholder = clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
                ((ObjectNode) client).put("secret", "${" + placeholder + "}");
                ObjectNode secret = placeholders.putObject(placeholder).putObject("secret");
                secret.put("name", clientId + "-oidc");
                secret.put("key", "client-secret");
            }
            if (clientId.equals(CONSOLE)) {
                ((ArrayNode) client.path("redirectUris")).add(PUBLIC_URL + "/*");
            }
        }
        spec.set("realm", r);
        return doc;
    }

    public static String yaml(ObjectNode realmImport) {
        return "# Generated from k8s/keycloak/rural-credit-realm.json by deploy-check (RealmImport); do not edit:\n"
                + "# mvn -B -q verify -pl event-contracts,deploy-check -Ddeploy-check.write=true\n"
                + Kustomize.toYaml(java.util.List.of(realmImport));
    }
}

package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
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
 * becomes a placeholder filled from that service's {@code <client>-oidc} Secret; the web console
 * redirects to its public address only, {@value #CONSOLE_URL} (the one-machine stack's localhost
 * and 127.0.0.1 addresses are removed) and does not take passwords directly (directAccessGrantsEnabled, which the local tests'
 * password grants need, is off); and the realm gets a password policy.
 */
public final class RealmImport {

    public static final String PUBLIC_URL = "https://ruralcredit.example.org";
    /** The web console on the public host: the Ingress routes /console to the web-console Service. */
    public static final String CONSOLE_PATH = "/console";

    public static final String CONSOLE_URL = PUBLIC_URL + CONSOLE_PATH;
    private static final String CONSOLE = "rural-credit-console";
    /** Keycloak's password policy syntax; the one-machine realm has none (its demo users have short passwords). */
    public static final String PASSWORD_POLICY =
            "length(12) and notUsername and notEmail and passwordHistory(5) and maxLength(128) and hashIterations(210000)";

    private RealmImport() {}

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
                ObjectNode console = (ObjectNode) client;
                // the sign-in returns to /console/signed-in, the log-out to /console; Keycloak's
                // "/console/*" admits /console itself too
                console.putArray("redirectUris").add(CONSOLE_URL + "/*");
                console.put("rootUrl", PUBLIC_URL);
                console.put("baseUrl", CONSOLE_PATH);
                console.put("directAccessGrantsEnabled", false);
                if (console.path("attributes").isObject()) {
                    ((ObjectNode) console.get("attributes")).put("post.logout.redirect.uris", CONSOLE_URL + "/*");
                }
            }
        }
        r.put("passwordPolicy", PASSWORD_POLICY);
        spec.set("realm", r);
        return doc;
    }

    public static String yaml(ObjectNode realmImport) {
        return "# Generated from k8s/keycloak/rural-credit-realm.json by deploy-check (RealmImport); do not edit:\n"
                + "# mvn -B -q verify -pl event-contracts,deploy-check -Ddeploy-check.write=true\n"
                + Kustomize.toYaml(List.of(realmImport));
    }
}

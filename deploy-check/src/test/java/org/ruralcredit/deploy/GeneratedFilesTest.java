package org.ruralcredit.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * k8s/ keeps copies of generated files; they must match what their sources generate now.
 * {@code -Ddeploy-check.write=true} rewrites the copies instead of failing.
 */
class GeneratedFilesTest {

    static final List<String> SERVICES = Platform.SERVICES;
    private static final boolean WRITE = Boolean.getBoolean("deploy-check.write");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceManifestsAreWhatQuarkusGenerates(String service) throws IOException {
        Path generated = Platform.root().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        Assumptions.assumeTrue(Files.exists(generated), service + " not packaged in this build: nothing to compare");
        Path copy = Platform.root().resolve("k8s/base/services").resolve(service + ".yml");
        if (WRITE) {
            Files.copy(generated, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        // as data: the generator keeps neither the order of labels nor that of a container's ports
        assertEquals(
                portsSorted(Kustomize.readAll(generated)),
                portsSorted(Kustomize.readAll(copy)),
                copy + " is stale; run: cp " + service + "/target/kubernetes/kubernetes.yml k8s/base/services/"
                        + service + ".yml");
    }

    /** The documents with every list of container ports in the order of their port numbers. */
    private static List<ObjectNode> portsSorted(List<ObjectNode> documents) {
        documents.forEach(GeneratedFilesTest::sortPorts);
        return documents;
    }

    private static void sortPorts(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (e.getKey().equals("ports") && value.isArray()) {
                    List<JsonNode> ports = new ArrayList<>();
                    value.forEach(ports::add);
                    ports.sort(Comparator.comparingInt(
                            p -> p.path("containerPort").asInt(p.path("port").asInt())));
                    ArrayNode sorted = (ArrayNode) value;
                    sorted.removeAll();
                    ports.forEach(sorted::add);
                } else {
                    sortPorts(value);
                }
            });
        } else if (node.isArray()) {
            node.forEach(GeneratedFilesTest::sortPorts);
        }
    }

    @Test
    void realmImportIsTheStackRealm() throws IOException {
        Path realm = Platform.root().resolve("k8s/keycloak/rural-credit-realm.json");
        Path copy = Platform.root().resolve("k8s/infra/keycloak-realm-import.yaml");
        compare(
                RealmImport.yaml(RealmImport.fromRealmFile(realm)),
                copy,
                "mvn -B -q verify -pl event-contracts,deploy-check -Ddeploy-check.write=true");
    }

    private static void compare(String expected, Path copy, String fix) throws IOException {
        if (WRITE) {
            Files.writeString(copy, expected);
        }
        assertEquals(expected, Files.exists(copy) ? Files.readString(copy) : "", copy + " is stale; run: " + fix);
    }
}

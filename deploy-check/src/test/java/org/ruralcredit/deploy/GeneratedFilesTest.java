package org.ruralcredit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * k8s/ keeps copies of generated files; they must match what their sources generate now.
 * {@code -Ddeploy-check.write=true} rewrites the copies instead of failing.
 */
class GeneratedFilesTest {

    static final java.util.List<String> SERVICES = Platform.SERVICES;
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
        // as data: the generator does not keep the order of labels from one build to the next
        assertEquals(Kustomize.readAll(generated), Kustomize.readAll(copy), copy + " is stale; run: cp "
                + service + "/target/kubernetes/kubernetes.yml k8s/base/services/" + service + ".yml");
    }

    @Test
    void realmImportIsTheStackRealm() throws IOException {
        Path realm = Platform.root().resolve("k8s/keycloak/rural-credit-realm.json");
        Path copy = Platform.root().resolve("k8s/infra/keycloak-realm-import.yaml");
        compare(RealmImport.yaml(RealmImport.fromRealmFile(realm)), copy,
                "mvn -B -q verify -pl event-contracts,deploy-check -Ddeploy-check.write=true");
    }

    private static void compare(String expected, Path copy, String fix) throws IOException {
        if (WRITE) {
            Files.writeString(copy, expected);
        }
        assertEquals(expected, Files.exists(copy) ? Files.readString(copy) : "", copy + " is stale; run: " + fix);
    }
}

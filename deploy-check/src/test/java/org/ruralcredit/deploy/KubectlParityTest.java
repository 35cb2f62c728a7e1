package org.ruralcredit.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where kubectl is installed, the Java renderer must give what {@code kubectl kustomize} gives. */
class KubectlParityTest {

    static final List<String> OVERLAYS = Platform.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void sameAsKubectlKustomize(String overlay) throws IOException, InterruptedException {
        String kubectlOutput;
        try {
            Process p = new ProcessBuilder(
                            "kubectl",
                            "kustomize",
                            Platform.root()
                                    .resolve("k8s/overlays")
                                    .resolve(overlay)
                                    .toString())
                    .redirectErrorStream(true)
                    .start();
            kubectlOutput = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(
                    p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                    "kubectl kustomize failed: " + kubectlOutput);
        } catch (IOException e) {
            Assumptions.abort("no kubectl on this machine: " + e.getMessage());
            return;
        }
        Map<String, JsonNode> expected = new TreeMap<>();
        for (JsonNode doc : Kustomize.YAML
                .readerFor(JsonNode.class)
                .<JsonNode>readValues(kubectlOutput)
                .readAll()) {
            expected.put(doc.path("apiVersion").asText() + " " + Kustomize.id(doc), doc);
        }
        Map<String, JsonNode> actual = new TreeMap<>();
        for (ObjectNode doc : OverlaysTest.render(overlay)) {
            actual.put(doc.path("apiVersion").asText() + " " + Kustomize.id(doc), doc);
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((id, doc) -> assertEquals(doc, actual.get(id), id));
    }
}

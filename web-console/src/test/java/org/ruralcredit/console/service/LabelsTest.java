package org.ruralcredit.console.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every coded value the platform's API documents declare (every {@code enum} in api/*.json) has a
 * label in Chinese and in English, so no page shows a code; a new value without one fails here.
 */
class LabelsTest {

    @Test
    void everyDeclaredValueHasALabelInBothLanguages() throws IOException {
        Set<String> declared = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> docs = Files.list(Path.of("../api"))) {
            for (Path doc : docs.filter(p -> p.getFileName().toString().matches("[a-z-]+\\.json"))
                    .filter(p -> !p.getFileName().toString().startsWith("package"))
                    .toList()) {
                collect(json.readTree(doc.toFile()), declared);
            }
        }
        for (String language : new String[] {"zh", "en"}) {
            Map<String, String> words = ConsoleText.load(language);
            Set<String> missing = new TreeSet<>();
            declared.forEach(v -> {
                if (!words.containsKey("label." + v)) {
                    missing.add(v);
                }
            });
            assertEquals(Set.of(), missing, language + ": values without a label");
        }
        assertEquals(true, declared.size() > 100, "the API documents were read: " + declared.size());
    }

    @Test
    void chineseAndEnglishLabelTheSameValues() {
        assertEquals(
                new TreeSet<>(ConsoleText.file("console/labels_zh.properties").keySet()),
                new TreeSet<>(ConsoleText.file("console/labels_en.properties").keySet()));
    }

    private static void collect(JsonNode node, Set<String> values) {
        if (node.isObject()) {
            JsonNode e = node.get("enum");
            if (e != null && e.isArray()) {
                e.forEach(v -> {
                    if (v.isTextual()) {
                        values.add(v.asText());
                    }
                });
            }
            node.forEach(child -> collect(child, values));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, values));
        }
    }
}

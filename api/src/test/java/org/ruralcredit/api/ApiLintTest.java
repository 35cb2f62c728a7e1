package org.ruralcredit.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each document passes Redocly's recommended rules with no error. The CLI is pinned in
 * {@code package.json}/{@code package-lock.json} and installed from the npm registry on first use;
 * the counts per document go to {@code target/lint-summary.txt}.
 */
class ApiLintTest {

    private static Path redocly;

    @BeforeAll
    static void install() throws Exception {
        redocly = Documents.dir().resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(redocly)) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        assertTrue(Files.isExecutable(redocly), "npm ci did not install the Redocly CLI");
    }

    @Test
    void everyDocumentLintsWithoutErrors() throws Exception {
        List<String> summary = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String service : Documents.SERVICES) {
            String out = run(
                    List.of(
                            redocly.toString(),
                            "lint",
                            "--config",
                            "redocly.yaml",
                            "--format=json",
                            Documents.of(service).toString()),
                    120);
            Map<String, Object> report =
                    Documents.JSON.readValue(out.substring(out.indexOf('{')), new TypeReference<>() {});
            @SuppressWarnings("unchecked")
            Map<String, Object> totals = (Map<String, Object>) report.get("totals");
            summary.add(service + ": " + totals.get("errors") + " errors, " + totals.get("warnings") + " warnings");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
            problems.stream()
                    .filter(p -> "error".equals(p.get("severity")))
                    .forEach(p -> errors.add(service + ": " + p.get("ruleId") + " " + p.get("message") + " at "
                            + ((List<?>) p.get("location"))
                                    .stream()
                                            .map(l -> String.valueOf(((Map<?, ?>) l).get("pointer")))
                                            .toList()));
        }
        Path target = Documents.dir().resolve("target");
        Files.createDirectories(target);
        Files.write(target.resolve("lint-summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", summary));
        assertEquals(List.of(), errors);
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(Documents.dir().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }
}

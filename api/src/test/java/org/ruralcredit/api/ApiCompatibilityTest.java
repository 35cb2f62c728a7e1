package org.ruralcredit.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change that breaks a client of the last release ({@code released/<service>.json}) fails the
 * build unless {@code CHANGELOG.md} names it under "Unreleased" as {@code BREAKING <service>: ...}.
 * Compatible changes pass; the differences are written to {@code target/api-diff-<service>.md}.
 */
class ApiCompatibilityTest {

    @Test
    void nothingBreaksAClientOfTheLastReleaseUnlessTheChangelogSaysSo() throws IOException {
        String unreleased = unreleasedSection();
        List<String> unannounced = new ArrayList<>();
        for (String service : Documents.SERVICES) {
            ChangedOpenApi diff = OpenApiCompare.fromLocations(
                    Documents.released(service).toUri().toString(),
                    Documents.of(service).toUri().toString());
            Files.createDirectories(Documents.dir().resolve("target"));
            try (OutputStreamWriter markdown = new OutputStreamWriter(
                    Files.newOutputStream(Documents.dir().resolve("target/api-diff-" + service + ".md")),
                    StandardCharsets.UTF_8)) {
                new MarkdownRender().render(diff, markdown);
            }
            if (diff.isIncompatible() && !unreleased.contains("BREAKING " + service + ":")) {
                unannounced.add(service + " (see target/api-diff-" + service + ".md)");
            }
        }
        assertTrue(unannounced.isEmpty(), "breaking changes not in CHANGELOG.md's Unreleased section: " + unannounced);
    }

    /** The text between "## Unreleased" and the next "## " heading. */
    private static String unreleasedSection() throws IOException {
        String changelog = Files.readString(Documents.dir().resolve("CHANGELOG.md"), StandardCharsets.UTF_8);
        int start = changelog.indexOf("## Unreleased");
        if (start < 0) {
            return "";
        }
        int end = changelog.indexOf("\n## ", start + 3);
        return end < 0 ? changelog.substring(start) : changelog.substring(start, end);
    }
}

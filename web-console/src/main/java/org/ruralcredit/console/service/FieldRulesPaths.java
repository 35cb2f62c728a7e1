package org.ruralcredit.console.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The field paths of the registry's field rules, which the field app's page names in the user's
 * words, kept by the rules' ETag: every page load asks again with If-None-Match (the rules change
 * only with the registry's code), so a 304 costs the registry no document and the console no parse.
 */
@ApplicationScoped
public class FieldRulesPaths {

    private record Held(String tag, List<String> paths) {}

    private final AtomicReference<Held> held = new AtomicReference<>();

    /**
     * The paths, from {@code ask} (given the tag held, or null) when it answers a new document, else
     * those held; none when the rules were never read.
     */
    public List<String> paths(Function<String, ApiAnswer> ask) {
        Held before = held.get();
        ApiAnswer answer = ask.apply(before == null ? null : before.tag());
        if (answer.ok()) {
            List<String> paths = new ArrayList<>();
            for (JsonNode f : answer.json().path("fields")) {
                String path = f.path("path").asText("");
                if (!path.isEmpty()) {
                    paths.add(path);
                }
            }
            String tag = answer.header("ETag");
            Held now = new Held(tag, List.copyOf(paths));
            if (tag != null) {
                held.set(now);
            }
            return now.paths();
        }
        // 304: the held document is current; a failure: the last one read is still the best there is
        return before == null ? List.of() : before.paths();
    }
}

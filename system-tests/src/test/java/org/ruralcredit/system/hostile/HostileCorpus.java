package org.ruralcredit.system.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The corpus of hostile requests (src/test/resources/hostile/corpus.json), expanded: every case
 * as written, and every sweep as one case per field and string.
 */
public final class HostileCorpus {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the corpus describes it, placeholders not yet resolved. */
    public record Case(String name, String service, String user, String method, String path, JsonNode definition) {
        Integer expectedStatus() {
            return definition.hasNonNull("expect") ? definition.get("expect").asInt() : null;
        }
    }

    private final JsonNode root;
    private final List<Case> cases = new ArrayList<>();

    private HostileCorpus(JsonNode root) {
        this.root = root;
        root.get("cases").forEach(c -> cases.add(caseOf(c.get("name").asText(), c)));
        for (JsonNode sweep : root.get("sweeps")) {
            for (JsonNode field : sweep.get("fields")) {
                for (JsonNode list : sweep.get("strings")) {
                    int i = 0;
                    for (JsonNode value : root.get("strings").get(list.asText())) {
                        ObjectNode c = sweep.deepCopy();
                        c.remove(List.of("fields", "strings", "name"));
                        c.putObject("patch").set(field.asText(), value);
                        cases.add(caseOf(
                                sweep.get("name").asText() + ": " + field.asText() + " = " + list.asText() + "[" + i++
                                        + "]",
                                c));
                    }
                }
            }
        }
    }

    private static Case caseOf(String name, JsonNode c) {
        return new Case(
                name,
                c.get("service").asText(),
                c.path("user").asText(null),
                c.get("method").asText(),
                c.get("path").asText(),
                c);
    }

    public static HostileCorpus load() throws IOException {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/corpus.json")) {
            return new HostileCorpus(JSON.readTree(in));
        }
    }

    public List<Case> cases() {
        return cases;
    }

    /** A named valid body, deep-copied so a case may patch it. */
    JsonNode body(String name) {
        JsonNode body = root.get("bodies").get(name);
        if (body == null) {
            throw new IllegalArgumentException("the corpus has no body named " + name);
        }
        return body.deepCopy();
    }

    Iterator<Map.Entry<String, JsonNode>> bodies() {
        return root.get("bodies").properties().iterator();
    }
}

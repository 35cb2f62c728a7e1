package org.ruralcredit.commons.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a request asked, as SHA-256 hex: the operation, the path parameters and the body in a
 * canonical JSON form (object keys sorted at every depth, no spaces), so a resend whose keys come
 * in another order is the same request and any other value or field is another.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    public static String of(String operation, List<String> pathParameters, JsonNode body) {
        ArrayNode request = JsonNodeFactory.instance.arrayNode();
        request.add(operation);
        ArrayNode path = request.addArray();
        pathParameters.forEach(path::add);
        request.add(canonical(body));
        return sha256(request.toString());
    }

    /** The node with every object's keys in sorted order (arrays keep theirs: order is meaning there). */
    static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(canonical(item)));
            return out;
        }
        return node;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

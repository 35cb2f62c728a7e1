package org.ruralcredit.commons.idempotency;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.ruralcredit.commons.crypto.Sha256;

/**
 * What a request asked, as SHA-256 hex: the operation, the path parameters and the body in a
 * canonical JSON form (object keys sorted at every depth, no spaces), so a resend whose keys come
 * in another order is the same request and any other value or field is another.
 */
public final class RequestFingerprint {

    /** Writes every object's keys in sorted order; arrays keep theirs (order is meaning there). */
    private static final ObjectMapper SORTED =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private RequestFingerprint() {}

    public static String of(String operation, List<String> pathParameters, JsonNode body) {
        ArrayNode request = JsonNodeFactory.instance.arrayNode();
        request.add(operation);
        ArrayNode path = request.addArray();
        pathParameters.forEach(path::add);
        request.add(body == null ? JsonNodeFactory.instance.nullNode() : body);
        try {
            return Sha256.hex(SORTED.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request that cannot be written again", e);
        }
    }
}

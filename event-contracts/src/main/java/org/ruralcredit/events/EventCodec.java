package org.ruralcredit.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON form of the envelope. Readers are tolerant of fields they do not know (a newer producer
 * may add optional fields) but strict about fields the record needs.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // decimals read exactly as written (0.10 stays 0.10, never a double): a policy's
            // amounts and rates size the same offer, to the digit, wherever the event is read
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EventCodec() {}

    public static String encode(EventEnvelope<?> envelope) {
        if (EventCatalog.byName(envelope.type()).isEmpty()) {
            throw new EventFormatException("unknown event type '" + envelope.type() + "'");
        }
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("event " + envelope.eventId() + " cannot be written as JSON", e);
        }
    }

    public static EventEnvelope<?> decode(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("event is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new EventFormatException("event is not a JSON object");
        }
        String typeName = text(root, "type");
        EventType<?> type = EventCatalog.byName(typeName)
                .orElseThrow(() -> new EventFormatException("unknown event type '" + typeName + "'"));
        return read(root, type);
    }

    private static <T> EventEnvelope<T> read(JsonNode root, EventType<T> type) {
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            throw new EventFormatException("event field 'data' is missing");
        }
        try {
            return new EventEnvelope<>(
                    UUID.fromString(text(root, "eventId")),
                    type.name(),
                    Instant.parse(text(root, "occurredAt")),
                    text(root, "aggregateId"),
                    text(root, "producer"),
                    MAPPER.treeToValue(withFieldsAddedLater(data, type), type.dataClass()));
        } catch (JsonProcessingException e) {
            throw new EventFormatException(
                    "data of event type '" + type.name() + "' is invalid: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventFormatException("event envelope is invalid: " + e.getMessage(), e);
        }
    }

    /** An event older than a field added to its record reads as null there. */
    private static JsonNode withFieldsAddedLater(JsonNode data, EventType<?> type) {
        if (!data.isObject() || type.addedLater().stream().allMatch(data::has)) {
            return data;
        }
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        type.addedLater().stream().filter(f -> !copy.has(f)).forEach(copy::putNull);
        return copy;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
            throw new EventFormatException("event field '" + field + "' is missing");
        }
        return node.asText();
    }
}

package org.ruralcredit.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in. {@code aggregateId} is also the Kafka key, so all
 * events of one household (or village, or firm) stay in one partition and in order.
 */
public record EventEnvelope<T>(
        UUID eventId, String type, Instant occurredAt, String aggregateId, String producer, T data) {

    public EventEnvelope {
        requireField(eventId, "eventId");
        requireField(type, "type");
        requireField(occurredAt, "occurredAt");
        requireField(aggregateId, "aggregateId");
        requireField(producer, "producer");
        requireField(data, "data");
    }

    /** A new event with a fresh id, stamped now. */
    public static <T> EventEnvelope<T> of(EventType<T> type, String aggregateId, String producer, T data) {
        return of(UUID.randomUUID(), type, aggregateId, producer, data);
    }

    /** A new event with the id given (unique, chosen by its producer), stamped now. */
    public static <T> EventEnvelope<T> of(
            UUID eventId, EventType<T> type, String aggregateId, String producer, T data) {
        return new EventEnvelope<>(eventId, type.name(), Instant.now(), aggregateId, producer, data);
    }

    private static void requireField(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new EventFormatException("event field '" + field + "' is missing");
        }
    }

    /** The data as the given type, checked against the envelope's type name. */
    public <D> D dataAs(EventType<D> expected) {
        if (!expected.name().equals(type)) {
            throw new EventFormatException("expected event type '" + expected.name() + "' but got '" + type + "'");
        }
        return expected.dataClass().cast(Objects.requireNonNull(data));
    }
}

package org.ruralcredit.events;

import java.util.List;

/**
 * An event type: its name in the envelope, the topic it is published on, and its data record.
 * Topics are one per aggregate and version ({@code registry.village.v1}); a breaking change to a
 * record makes a new type on a new topic rather than changing this one.
 *
 * <p>The one compatible change is a nullable field added to the record: it is listed in
 * {@code addedLater}, and an event written before it (still in a topic or an outbox) reads as
 * null there. Every other field stays required.
 */
public record EventType<T>(String name, String topic, Class<T> dataClass, List<String> addedLater) {

    public EventType {
        addedLater = List.copyOf(addedLater);
    }

    public EventType(String name, String topic, Class<T> dataClass) {
        this(name, topic, dataClass, List.of());
    }
}

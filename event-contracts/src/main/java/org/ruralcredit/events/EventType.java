package org.ruralcredit.events;

/**
 * An event type: its name in the envelope, the topic it is published on, and its data record.
 * Topics are one per aggregate and version ({@code registry.village.v1}); a breaking change to a
 * record makes a new type on a new topic rather than changing this one.
 */
public record EventType<T>(String name, String topic, Class<T> dataClass) {
}

package org.ruralcredit.commons.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    UUID eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    String eventType;

    @Column(nullable = false, updatable = false)
    String topic;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    String aggregateId;

    @Column(nullable = false, updatable = false)
    String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "published_at")
    Instant publishedAt;

    protected OutboxEvent() {}

    OutboxEvent(UUID eventId, String eventType, String topic, String aggregateId, String payload) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.topic = topic;
        this.aggregateId = aggregateId;
        this.payload = payload;
        this.createdAt = Instant.now();
    }
}

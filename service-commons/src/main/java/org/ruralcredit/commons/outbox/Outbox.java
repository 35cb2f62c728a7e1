package org.ruralcredit.commons.outbox;

import java.sql.PreparedStatement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.commons.scheduling.AfterCommit;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.EventType;

/**
 * Records an event in the caller's transaction. Nothing is sent here: if the transaction rolls
 * back, the event never existed; if it commits, the relay will publish it.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final AfterCommit afterCommit;

    public Outbox(EntityManager em, OutboxConfig config, OutboxRelay relay, AfterCommit afterCommit) {
        this.em = em;
        this.config = config;
        this.relay = relay;
        this.afterCommit = afterCommit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> record(EventType<T> type, String aggregateId, T data) {
        EventEnvelope<T> envelope = EventEnvelope.of(TimeOrderedIds.next(), type, aggregateId, config.producer(), data);
        em.persist(new OutboxEvent(
                envelope.eventId(),
                type.name(),
                config.topicPrefix().orElse("") + type.topic(),
                aggregateId,
                EventCodec.encode(envelope)));
        afterCommit.once(OutboxRelay.class, relay::wake);
        return envelope;
    }

    /** One event of a bulk recording: its aggregate id and data. */
    public record Keyed<T>(String aggregateId, T data) {}

    /**
     * Records many events of one type in the caller's transaction with one batched statement, for
     * bulk work (a rating campaign or an import writes hundreds per transaction); the same rows as
     * {@link #record}, in the given order after anything the caller persisted before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void recordAll(EventType<T> type, List<Keyed<T>> events) {
        if (events.isEmpty()) {
            return;
        }
        String topic = config.topicPrefix().orElse("") + type.topic();
        afterCommit.once(OutboxRelay.class, relay::wake);
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_event (event_id, event_type, topic, aggregate_id, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (Keyed<T> event : events) {
                    EventEnvelope<T> envelope = EventEnvelope.of(
                            TimeOrderedIds.next(), type, event.aggregateId(), config.producer(), event.data());
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, type.name());
                    insert.setString(3, topic);
                    insert.setString(4, event.aggregateId());
                    insert.setString(5, EventCodec.encode(envelope));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}

package org.ruralcredit.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    public Outbox(EntityManager em, OutboxConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> record(EventType<T> type, String aggregateId, T data) {
        EventEnvelope<T> envelope = EventEnvelope.of(type, aggregateId, config.producer(), data);
        em.persist(new OutboxEvent(envelope.eventId(), type.name(), config.topicPrefix().orElse("") + type.topic(),
                aggregateId, EventCodec.encode(envelope)));
        return envelope;
    }
}

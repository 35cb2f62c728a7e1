package org.ruralcredit.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ruralcredit.events.EventEnvelope;

/**
 * Remembers which events a consumer applied. Call {@link #firstDelivery} in the same transaction
 * as the effect: a redelivered event finds its row and is skipped; if the effect rolls back, so
 * does the row, and the event will be applied when it comes again.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope<?> event) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO inbox_event (consumer, event_id, event_type, aggregate_id)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.eventId())
                .setParameter(3, event.type())
                .setParameter(4, event.aggregateId())
                .executeUpdate();
        return inserted == 1;
    }
}

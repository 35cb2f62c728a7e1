package org.ruralcredit.rating.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ruralcredit.commons.inbox.Inbox;
import org.ruralcredit.rating.service.RerateAfterCommit;
import org.ruralcredit.commons.resilience.RetriedWhileTransient;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.morality.MoralityPointsChanged;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps each household's moral-bank standing per year and marks the household for re-rating.
 * Events carry the whole standing, so the last one applied for a year is the standing.
 */
@ApplicationScoped
public class MoralStandingConsumer {

    static final String CONSUMER = "moral-standing";

    private final Inbox inbox;
    private final EntityManager em;
    private final RerateAfterCommit rerate;

    public MoralStandingConsumer(Inbox inbox, EntityManager em, RerateAfterCommit rerate) {
        this.rerate = rerate;
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("morality-points")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onPointsChanged(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        MoralityPointsChanged standing = event.dataAs(EventCatalog.MORALITY_POINTS_CHANGED);
        UUID household = UUID.fromString(standing.householdId());
        em.createNativeQuery("""
                        INSERT INTO moral_standing (household_id, year, total_points, vetoed, panel_score, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now())
                        ON CONFLICT (household_id, year) DO UPDATE SET total_points = excluded.total_points,
                            vetoed = excluded.vetoed, panel_score = excluded.panel_score, updated_at = now()""")
                .setParameter(1, household)
                .setParameter(2, standing.year())
                .setParameter(3, standing.totalPoints())
                .setParameter(4, standing.vetoed())
                .setParameter(5, standing.panelScore())
                .executeUpdate();
        em.createNativeQuery("UPDATE household_facts SET needs_rating = true, updated_at = now(), marked_at = ?2 "
                        + "WHERE household_id = ?1 AND status = 'ACTIVE'")
                .setParameter(1, household).setParameter(2, Instant.now()).executeUpdate();
        rerate.marked();
    }
}

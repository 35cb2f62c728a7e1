package org.ruralcredit.rating.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.ruralcredit.commons.inbox.Inbox;
import org.ruralcredit.commons.resilience.RetriedWhileTransient;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.MoralStandingRepository;
import org.ruralcredit.rating.service.RerateAfterCommit;
import org.ruralcredit.rating.service.RerateMarks;

/**
 * Keeps each household's moral-bank standing per year and marks the household for re-rating.
 * Events carry the whole standing, so the last one applied for a year is the standing.
 */
@ApplicationScoped
public class MoralStandingConsumer {

    static final String CONSUMER = "moral-standing";

    private final Inbox inbox;
    private final MoralStandingRepository standings;
    private final HouseholdFactsRepository households;
    private final RerateAfterCommit rerate;

    public MoralStandingConsumer(
            Inbox inbox,
            MoralStandingRepository standings,
            HouseholdFactsRepository households,
            RerateAfterCommit rerate) {
        this.rerate = rerate;
        this.inbox = inbox;
        this.standings = standings;
        this.households = households;
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
        standings.save(household, standing);
        households.markForRating(household, RerateMarks.now());
        rerate.marked();
    }
}

package org.ruralcredit.rating.messaging;

import java.time.Clock;
import java.time.Instant;
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
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.service.RerateAfterCommit;
import org.ruralcredit.rating.service.RerateMarks;

/**
 * Keeps the scorecard's inputs in step with the registry and marks the household for re-rating.
 * The rater picks marked households up shortly after, so a burst of corrections is rated once.
 */
@ApplicationScoped
public class HouseholdFactsConsumer {

    static final String CONSUMER = "household-facts";

    private final Inbox inbox;
    private final HouseholdFactsRepository households;
    private final RerateAfterCommit rerate;
    private final Clock clock;

    public HouseholdFactsConsumer(
            Inbox inbox, HouseholdFactsRepository households, RerateAfterCommit rerate, Clock clock) {
        this.rerate = rerate;
        this.inbox = inbox;
        this.households = households;
        this.clock = clock;
    }

    @Incoming("registry-household")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onHouseholdChanged(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        HouseholdChanged facts = event.dataAs(EventCatalog.HOUSEHOLD_CHANGED);
        UUID id = UUID.fromString(facts.householdId());
        HouseholdFactsRecord record = households.find(id);
        if (record != null && record.sourceVersion >= facts.version()) {
            return;
        }
        if (record == null) {
            record = new HouseholdFactsRecord();
            record.householdId = id;
        }
        record.villageCode = facts.villageCode();
        record.townshipCode = facts.townshipCode();
        record.status = facts.status();
        record.sourceVersion = facts.version();
        record.facts = facts;
        record.needsRating = HouseholdChanged.ACTIVE.equals(facts.status());
        record.updatedAt = Instant.now(clock);
        record.markedAt = RerateMarks.now();
        households.save(record);
        if (record.needsRating) {
            rerate.marked();
        }
    }
}

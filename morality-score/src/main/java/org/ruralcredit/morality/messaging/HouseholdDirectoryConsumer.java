package org.ruralcredit.morality.messaging;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.inbox.Inbox;
import org.ruralcredit.commons.resilience.RetriedWhileTransient;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.repository.HouseholdRepository;

/**
 * Keeps the household directory in step with the registry. The inbox row and the directory change
 * commit together; the offset is committed after, so a crash in between means one redelivery that
 * the inbox recognises. An older version than the one held (a replay) changes nothing.
 */
@ApplicationScoped
public class HouseholdDirectoryConsumer {

    static final String CONSUMER = "household-directory";
    private static final Logger LOG = Logger.getLogger(HouseholdDirectoryConsumer.class);

    private final Inbox inbox;
    private final HouseholdRepository households;
    private final Clock clock;

    public HouseholdDirectoryConsumer(Inbox inbox, HouseholdRepository households, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.households = households;
    }

    @Incoming("registry-household")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onHousehold(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(CONSUMER, event)) {
            LOG.debugf("event %s already applied, skipped", event.eventId());
            return;
        }
        apply(event.dataAs(EventCatalog.HOUSEHOLD_CHANGED));
    }

    void apply(HouseholdChanged change) {
        Household household = households.findById(change.householdId());
        if (household != null && household.sourceVersion >= change.version()) {
            return;
        }
        if (household == null) {
            household = new Household();
            household.id = change.householdId();
        }
        household.villageCode = change.villageCode();
        household.townshipCode = change.townshipCode();
        household.countyCode = change.countyCode();
        household.status = change.status();
        household.sourceVersion = change.version();
        household.updatedAt = Instant.now(clock);
        households.persist(household);
    }
}

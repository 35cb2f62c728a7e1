package org.ruralcredit.rating.messaging;

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
import org.ruralcredit.events.registry.VillageProfileChanged;
import org.ruralcredit.rating.domain.Village;
import org.ruralcredit.rating.repository.VillageRepository;

/**
 * Keeps the village directory in step with the registry. The inbox row and the directory change
 * commit together; the offset is committed after, so a crash in between means one redelivery that
 * the inbox recognises.
 */
@ApplicationScoped
public class VillageProfileConsumer {

    static final String CONSUMER = "village-directory";
    private static final Logger LOG = Logger.getLogger(VillageProfileConsumer.class);

    private final Inbox inbox;
    private final VillageRepository villages;
    private final Clock clock;

    public VillageProfileConsumer(Inbox inbox, VillageRepository villages, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.villages = villages;
    }

    @Incoming("registry-village")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onVillageProfile(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(CONSUMER, event)) {
            LOG.debugf("event %s already applied, skipped", event.eventId());
            return;
        }
        apply(event.dataAs(EventCatalog.VILLAGE_PROFILE_CHANGED));
    }

    void apply(VillageProfileChanged change) {
        Village village = villages.findById(change.villageCode());
        if (village != null && village.sourceRevision >= change.revision()) {
            return;
        }
        if (village == null) {
            village = new Village();
            village.code = change.villageCode();
        }
        village.name = change.villageName();
        village.townshipCode = change.townshipCode();
        village.countyCode = change.countyCode();
        village.totalHouseholds = change.totalHouseholds();
        village.population = change.population();
        village.figuresAsOf = change.figuresAsOf();
        village.sourceRevision = change.revision();
        village.updatedAt = Instant.now(clock);
        villages.persist(village);
    }
}

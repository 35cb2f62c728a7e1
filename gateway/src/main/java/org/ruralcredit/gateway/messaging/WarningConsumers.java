package org.ruralcredit.gateway.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.gateway.domain.WarningRules;
import org.ruralcredit.gateway.domain.WatchState;
import org.ruralcredit.gateway.service.WarningService;

/**
 * Early warnings from the services' announcements: ratings, moral-bank standings and firm archive
 * changes. Each event is applied once (inbox) in one transaction with the state it updates and the
 * warnings it creates.
 */
@ApplicationScoped
public class WarningConsumers {

    private static final Logger LOG = Logger.getLogger(WarningConsumers.class);
    static final String RATINGS = "warnings-ratings";
    static final String MORALITY = "warnings-morality";
    static final String FIRMS = "warnings-firms";

    private final Inbox inbox;
    private final WarningService warnings;

    public WarningConsumers(Inbox inbox, WarningService warnings) {
        this.inbox = inbox;
        this.warnings = warnings;
    }

    @Incoming("rating-household")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onRated(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(RATINGS, event)) {
            return;
        }
        HouseholdRated r = event.dataAs(EventCatalog.HOUSEHOLD_RATED);
        Optional<WatchState> previous = warnings.swapState(
                "rating", r.householdId(), new WatchState(r.grade(), r.score(), r.creditHousehold()));
        List<WarningRules.Trigger> triggers = WarningRules.onRating(
                previous.map(p -> new WarningRules.Rated(p.grade(), p.score(), Boolean.TRUE.equals(p.flag())))
                        .orElse(null),
                new WarningRules.Rated(r.grade(), r.score(), r.creditHousehold()));
        int created = warnings.warnHousehold(householdIdOf(r.householdId()), event.eventId(), triggers);
        log(created, event);
    }

    @Incoming("morality-points")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onMoralStanding(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(MORALITY, event)) {
            return;
        }
        MoralityPointsChanged m = event.dataAs(EventCatalog.MORALITY_POINTS_CHANGED);
        Optional<WatchState> previous = warnings.swapState(
                "morality", m.householdId() + ":" + m.year(), new WatchState(null, m.totalPoints(), m.vetoed()));
        List<WarningRules.Trigger> triggers = WarningRules.onMorality(
                previous.map(p -> new WarningRules.Moral(p.score(), Boolean.TRUE.equals(p.flag())))
                        .orElse(null),
                new WarningRules.Moral(m.totalPoints(), m.vetoed()));
        int created = warnings.warnHousehold(householdIdOf(m.householdId()), event.eventId(), triggers);
        log(created, event);
    }

    @Incoming("sme-enterprise")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onFirmChanged(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(FIRMS, event)) {
            return;
        }
        EnterpriseChanged f = event.dataAs(EventCatalog.SME_ENTERPRISE_CHANGED);
        Optional<WatchState> previous =
                warnings.swapState("firm", f.uscc(), new WatchState(f.grade(), f.score(), null));
        List<WarningRules.Trigger> triggers = WarningRules.onFirm(
                        previous.map(p -> new WarningRules.Firm(p.score(), p.grade()))
                                .orElse(null),
                        new WarningRules.Firm(f.score(), f.grade()),
                        EnterpriseChanged.FACTS_CHANGED.equals(f.change()))
                .map(List::of)
                .orElse(List.of());
        int created = warnings.warnFirm(f.uscc(), event.eventId(), triggers);
        log(created, event);
    }

    /** Household ids are the registry's UUIDs; anything else cannot match a loan. */
    private static UUID householdIdOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notARegistryId) {
            return new UUID(0, 0);
        }
    }

    private static void log(int created, EventEnvelope<?> event) {
        if (created > 0) {
            LOG.infof("%d early warning(s) from %s %s", created, event.type(), event.eventId());
        }
    }
}

package org.ruralcredit.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.ruralcredit.commons.inbox.Inbox;
import org.ruralcredit.commons.resilience.RetriedWhileTransient;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.gateway.service.ReportModel;

/**
 * Keeps the report read model from the registry's, credit-rating's (ratings and lenders' policies)
 * and the moral bank's announcements. The channels read as a consumer group of their own ({@code gateway-report-model}),
 * so the model can be rebuilt from the topics without touching the early warnings' positions; each
 * event is applied once (inbox) and only when newer than what is kept.
 */
@ApplicationScoped
public class ReportModelConsumers {

    static final String HOUSEHOLDS = "report-model-households";
    static final String RATINGS = "report-model-ratings";
    static final String MORALITY = "report-model-morality";
    static final String POLICIES = "report-model-policies";

    private final Inbox inbox;
    private final ReportModel model;

    public ReportModelConsumers(Inbox inbox, ReportModel model) {
        this.inbox = inbox;
        this.model = model;
    }

    @Incoming("report-households")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onHousehold(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (inbox.firstDelivery(HOUSEHOLDS, event)) {
            model.applyHousehold(event, event.dataAs(EventCatalog.HOUSEHOLD_CHANGED));
        }
    }

    @Incoming("report-ratings")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onRated(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (inbox.firstDelivery(RATINGS, event)) {
            model.applyRating(event, event.dataAs(EventCatalog.HOUSEHOLD_RATED));
        }
    }

    @Incoming("report-morality")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onMoralStanding(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (inbox.firstDelivery(MORALITY, event)) {
            model.applyMorality(event, event.dataAs(EventCatalog.MORALITY_POINTS_CHANGED));
        }
    }

    @Incoming("report-policies")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onPolicy(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (inbox.firstDelivery(POLICIES, event)) {
            model.applyPolicy(event, event.dataAs(EventCatalog.LENDER_POLICY_REGISTERED));
        }
    }
}

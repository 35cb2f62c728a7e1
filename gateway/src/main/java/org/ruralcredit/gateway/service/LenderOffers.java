package org.ruralcredit.gateway.service;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.ruralcredit.gateway.config.ServicesConfig;
import org.ruralcredit.gateway.service.HouseholdReportService.Outcome;
import org.ruralcredit.gateway.service.sources.OfferClient;

/**
 * The offer section: what each of the requesting lender's policies offers a household, computed
 * by credit-rating with its arithmetic. A lender that has registered no policy is shown the
 * platform's default policy (each offer names the institution it was computed for); a household
 * not rated yet has no offer.
 */
@ApplicationScoped
public class LenderOffers {

    static final String SOURCE = "credit-rating";

    private final OfferClient offers;
    private final ServicesConfig services;

    public LenderOffers(@RestClient OfferClient offers, ServicesConfig services) {
        this.offers = offers;
        this.services = services;
    }

    /** Starts the lookup; the section is ready when the returned stage completes (never exceptionally). */
    public CompletableFuture<Section<Object>> of(UUID householdId, String institution) {
        return HouseholdReportService.guarded(
                        SOURCE,
                        () -> offers.offer(householdId, institution),
                        services.rating().timeout())
                .thenApply(LenderOffers::section);
    }

    /** The village's rated households with their offers (line and rate only), in one call. */
    public CompletableFuture<Outcome<List<OfferClient.VillageOffer>>> ofVillage(
            String villageCode, String institution) {
        return HouseholdReportService.guarded(
                SOURCE,
                () -> offers.village(villageCode, institution),
                services.rating().timeout());
    }

    private static Section<Object> section(Outcome<JsonNode> o) {
        if (o.ok()) {
            return Section.available(SOURCE, o.value());
        }
        if (o.notFound()) {
            return Section.notFound(SOURCE, "The household has not been rated: no offer yet.");
        }
        return Section.unavailable(SOURCE, o.problem());
    }
}

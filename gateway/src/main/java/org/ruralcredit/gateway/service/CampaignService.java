package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.gateway.service.HouseholdReportService.Outcome;
import org.ruralcredit.gateway.service.sources.RatingClient;
import org.ruralcredit.gateway.service.sources.RegistryClient;

/**
 * 整村授信: for a lender and a village, the village's credit households with their grade, identities
 * masked (a full report still needs the household's consent), and what the lender's policy offers
 * each of them (credit-rating's arithmetic; the platform's default policy when the lender has none).
 */
@ApplicationScoped
public class CampaignService {

    /** Households whose ratings are asked for at once. */
    static final int PARALLEL = 32;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CampaignEntry")
    public record Entry(UUID householdId, String headName, String headResidentId, String grade, String ratingStatus,
                        Instant ratedAt, Section<Object> offer) {
    }

    public record CampaignList(String villageCode, String institution, Instant generatedAt, boolean complete,
                               List<String> missing, String detail, int households, int notRated,
                               List<Entry> creditHouseholds) {
    }

    private final HouseholdReportService sources;
    private final LenderOffers offers;
    private final Clock clock;

    public CampaignService(HouseholdReportService sources, LenderOffers offers, Clock clock) {
        this.sources = sources;
        this.offers = offers;
        this.clock = clock;
    }

    public CampaignList village(String villageCode, String institution) {
        Instant now = clock.instant();
        Outcome<List<RegistryClient.VillageHousehold>> listed = sources.village(villageCode);
        if (!listed.ok()) {
            boolean none = listed.notFound();
            return new CampaignList(villageCode, institution, now, none, none ? List.of() : List.of("households"),
                    none ? "The registry knows no such village." : listed.problem(), 0, 0, List.of());
        }
        List<RegistryClient.VillageHousehold> households = listed.value();
        List<Entry> credit = new ArrayList<>();
        int notRated = 0;
        int unavailable = 0;
        int offersMissing = 0;
        for (int from = 0; from < households.size(); from += PARALLEL) {
            List<RegistryClient.VillageHousehold> batch = households.subList(from, Math.min(households.size(), from + PARALLEL));
            List<Outcome<List<RatingClient.Rating>>> ratings = sources.ratingsOfAll(
                    batch.stream().map(RegistryClient.VillageHousehold::id).toList());
            List<RegistryClient.VillageHousehold> creditHeads = new ArrayList<>();
            List<RatingClient.Rating> currents = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Outcome<List<RatingClient.Rating>> r = ratings.get(i);
                if (!r.ok() && !r.notFound()) {
                    unavailable++;
                } else if (!r.ok() || r.value().isEmpty()) {
                    notRated++;
                } else if (r.value().get(0).creditHousehold()) {
                    creditHeads.add(batch.get(i));
                    currents.add(r.value().get(0));
                }
            }
            List<Section<Object>> offered = offers.ofAll(
                    creditHeads.stream().map(RegistryClient.VillageHousehold::id).toList(), institution);
            for (int i = 0; i < creditHeads.size(); i++) {
                RegistryClient.VillageHousehold h = creditHeads.get(i);
                RatingClient.Rating current = currents.get(i);
                offersMissing += offered.get(i).missing() ? 1 : 0;
                credit.add(new Entry(h.id(), Subjects.maskName(h.headName()), h.headResidentId(), current.grade(),
                        current.status(), current.ratedAt(), offered.get(i)));
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if (unavailable > 0) {
            missing.add("ratings");
            details.add(unavailable + " household(s) could not be looked up in credit-rating.");
        }
        if (offersMissing > 0) {
            missing.add("offers");
            details.add(offersMissing + " offer(s) could not be computed by credit-rating.");
        }
        return new CampaignList(villageCode, institution, now, missing.isEmpty(), List.copyOf(missing),
                details.isEmpty() ? null : String.join(" ", details), households.size(), notRated, credit);
    }
}

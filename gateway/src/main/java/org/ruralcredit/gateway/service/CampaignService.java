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
 * masked (a full report still needs the household's consent). The lender's offer per household is not
 * available: credit-rating publishes no offer read in this version.
 */
@ApplicationScoped
public class CampaignService {

    /** Households whose ratings are asked for at once. */
    static final int PARALLEL = 32;

    public record Entry(UUID householdId, String headName, String headResidentId, String grade, String ratingStatus,
                        Instant ratedAt) {
    }

    public record CampaignList(String villageCode, String institution, Instant generatedAt, boolean complete,
                               List<String> missing, String detail, int households, int notRated,
                               List<Entry> creditHouseholds, Section<Object> offer) {
    }

    private final HouseholdReportService sources;
    private final Clock clock;

    public CampaignService(HouseholdReportService sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    public CampaignList village(String villageCode, String institution) {
        Instant now = clock.instant();
        Section<Object> offer = Section.notOffered("credit-rating",
                "credit-rating does not yet publish offers under a lender's policy; no offer is shown.");
        Outcome<List<RegistryClient.VillageHousehold>> listed = sources.village(villageCode);
        if (!listed.ok()) {
            boolean none = listed.notFound();
            return new CampaignList(villageCode, institution, now, none, none ? List.of() : List.of("households"),
                    none ? "The registry knows no such village." : listed.problem(), 0, 0, List.of(), offer);
        }
        List<RegistryClient.VillageHousehold> households = listed.value();
        List<Entry> credit = new ArrayList<>();
        int notRated = 0;
        int unavailable = 0;
        for (int from = 0; from < households.size(); from += PARALLEL) {
            List<RegistryClient.VillageHousehold> batch = households.subList(from, Math.min(households.size(), from + PARALLEL));
            List<Outcome<List<RatingClient.Rating>>> ratings = sources.ratingsOfAll(
                    batch.stream().map(RegistryClient.VillageHousehold::id).toList());
            for (int i = 0; i < batch.size(); i++) {
                Outcome<List<RatingClient.Rating>> r = ratings.get(i);
                if (!r.ok() && !r.notFound()) {
                    unavailable++;
                } else if (!r.ok() || r.value().isEmpty()) {
                    notRated++;
                } else if (r.value().get(0).creditHousehold()) {
                    RegistryClient.VillageHousehold h = batch.get(i);
                    RatingClient.Rating current = r.value().get(0);
                    credit.add(new Entry(h.id(), Subjects.maskName(h.headName()), h.headResidentId(), current.grade(),
                            current.status(), current.ratedAt()));
                }
            }
        }
        boolean complete = unavailable == 0;
        return new CampaignList(villageCode, institution, now, complete, complete ? List.of() : List.of("ratings"),
                complete ? null : unavailable + " household(s) could not be looked up in credit-rating.",
                households.size(), notRated, credit, offer);
    }
}

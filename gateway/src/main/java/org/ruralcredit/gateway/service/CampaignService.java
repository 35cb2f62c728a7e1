package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.gateway.messaging.ReportModelProgress;
import org.ruralcredit.gateway.service.HouseholdReportService.Outcome;
import org.ruralcredit.gateway.service.ReportRequestService.Asker;
import org.ruralcredit.gateway.service.ReportRequestService.ListDecision;
import org.ruralcredit.gateway.service.sources.RatingClient;

/**
 * 整村授信: for a lender and a village, the village's credit households as a marketing list may
 * show them (see {@link org.ruralcredit.gateway.domain.VillageList}): identities masked, the grade
 * and the line and rate each of the lender's policies offers (the platform's default policy when
 * the lender has none), never a household's finances. Taking the list is registered first; the
 * village's households, their current ratings and the lender's policies then come from the report
 * read model, and the offers are sized here (see {@link LenderOffers}) without a call to another
 * service.
 */
@ApplicationScoped
public class CampaignService {

    @Schema(name = "CampaignEntry")
    public record Entry(
            UUID householdId,
            String headName,
            String headResidentId,
            String grade,
            boolean creditHousehold,
            List<LenderOffers.OfferLine> offers) {}

    /** registerEntry: the query-register entry that records this list being taken. */
    public record CampaignList(
            String villageCode,
            String institution,
            Instant generatedAt,
            long registerEntry,
            boolean complete,
            List<String> missing,
            String detail,
            int households,
            int notRated,
            List<Entry> creditHouseholds) {}

    private final HouseholdReportService sources;
    private final LenderOffers offers;
    private final ReportRequestService requests;
    /** Households of one village listed for a campaign at the most (the registry's own limit). */
    static final int VILLAGE_LIMIT = 2000;

    private final Clock clock;
    private final ReportModelProgress progress;

    public CampaignService(
            HouseholdReportService sources,
            LenderOffers offers,
            ReportRequestService requests,
            Clock clock,
            ReportModelProgress progress) {
        this.sources = sources;
        this.offers = offers;
        this.requests = requests;
        this.clock = clock;
        this.progress = progress;
    }

    /** The list for the asker's institution (from the token); refused to shared and system accounts and to accounts of no institution, registered either way. */
    public CampaignList village(String villageCode, Asker asker) {
        ListDecision decision = requests.decideVillageList(asker, villageCode);
        if (decision.refusal().isPresent()) {
            throw ApiException.of(
                    decision.refusal().get().code(), decision.refusal().get().argsWithEntry(decision.registerSeq()));
        }
        String institution = asker.institution();
        long entry = decision.registerSeq();
        Outcome<List<ReportModel.VillageFile>> listed = sources.village(villageCode, VILLAGE_LIMIT);
        Instant now = clock.instant();
        if (!listed.ok()) {
            boolean none = listed.notFound();
            return new CampaignList(
                    villageCode,
                    institution,
                    now,
                    entry,
                    none,
                    none ? List.of() : List.of("households"),
                    none ? "The registry has announced no active file in this village." : listed.problem(),
                    0,
                    0,
                    List.of());
        }
        List<ReportModel.VillageFile> households = listed.value();
        LenderOffers.Policies policies = offers.policiesOf(institution);
        boolean ratingsRead = progress.caughtUp(ReportModelProgress.Source.RATING);
        boolean policiesRead =
                policies.offeredBy().equals(institution) || progress.caughtUp(ReportModelProgress.Source.POLICIES);
        if (!ratingsRead || !policiesRead) {
            // a household not yet rated in the model, or a policy of the lender's own on its way,
            // would make a list that is wrong rather than short
            return new CampaignList(
                    villageCode,
                    institution,
                    now,
                    entry,
                    false,
                    List.of("ratings"),
                    "The gateway's read model has not yet caught up with credit-rating's "
                            + (ratingsRead ? "policies." : "ratings."),
                    households.size(),
                    0,
                    List.of());
        }
        List<Entry> credit = new ArrayList<>();
        int notRated = 0;
        for (ReportModel.VillageFile h : households) {
            RatingClient.Rating r = h.rating();
            if (r == null) {
                notRated++;
            } else if (r.creditHousehold()) {
                credit.add(new Entry(
                        h.householdId(),
                        h.headName(),
                        h.headResidentId(),
                        r.grade(),
                        true,
                        offers.lines(policies, h.householdId(), h.facts(), r)));
            }
        }
        return new CampaignList(
                villageCode, institution, now, entry, true, List.of(), null, households.size(), notRated, credit);
    }
}

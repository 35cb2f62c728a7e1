package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.domain.Objection;
import org.ruralcredit.rating.repository.CampaignRepository;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.ObjectionRepository;

/**
 * Objections (异议) to a campaign's posted results: filed by the household's own township official
 * inside the posting window, once per household, and resolved by a credit-admin. A reader of every
 * division reads all of a campaign's objections; any other reader those filed in their own township.
 */
@ApplicationScoped
public class ObjectionService {

    public enum Resolution {
        UPHOLD,
        RERATE
    }

    private final ObjectionRepository objections;
    private final CampaignRepository campaigns;
    private final HouseholdFactsRepository householdFacts;
    private final CampaignService campaignReads;
    private final HouseholdRater rater;
    private final Clock clock;
    private final Caller caller;

    public ObjectionService(
            ObjectionRepository objections,
            CampaignRepository campaigns,
            HouseholdFactsRepository householdFacts,
            CampaignService campaignReads,
            HouseholdRater rater,
            Clock clock,
            Caller caller) {
        this.objections = objections;
        this.campaigns = campaigns;
        this.householdFacts = householdFacts;
        this.campaignReads = campaignReads;
        this.rater = rater;
        this.clock = clock;
        this.caller = caller;
    }

    /** The campaign's objections the caller may read, oldest first. */
    @Transactional
    public List<Objection> visible(UUID campaignId) {
        campaignReads.readable(campaignId);
        String township = caller.readScope().everywhere() ? null : caller.division();
        return objections.ofCampaign(campaignId, township);
    }

    /** One of the campaign's objections, if the caller may read it. */
    @Transactional
    public Objection visible(UUID campaignId, UUID objectionId) {
        return visible(campaignId).stream()
                .filter(o -> o.id.equals(objectionId))
                .findFirst()
                .orElseThrow(() -> ApiException.of(RatingCodes.OBJECTION_NOT_FOUND, objectionId, campaignId));
    }

    /** An objection by the household's own township official, inside the posting window, once. */
    @Transactional
    public Objection object(UUID campaignId, UUID householdId, String reason) {
        String officialTownship = caller.division();
        if (officialTownship == null || officialTownship.length() != 9) {
            throw ApiException.of(RatingCodes.OBJECTION_TOWNSHIP_OFFICIAL_ONLY);
        }
        Campaign c = campaigns.lockForShare(campaignId);
        if (c == null) {
            throw ApiException.of(RatingCodes.CAMPAIGN_NOT_FOUND, campaignId);
        }
        HouseholdFactsRecord facts = householdFacts.find(householdId);
        boolean inCampaign = facts != null && campaigns.rated(campaignId, householdId);
        if (!inCampaign) {
            throw ApiException.of(RatingCodes.OBJECTION_HOUSEHOLD_NOT_IN_CAMPAIGN, householdId);
        }
        if (!facts.townshipCode.equals(officialTownship)) {
            throw ApiException.of(RatingCodes.OBJECTION_OTHER_TOWNSHIP);
        }
        Instant now = Instant.now(clock);
        if (c.status != Campaign.Status.POSTED || now.isBefore(c.postingOpensAt) || !now.isBefore(c.postingClosesAt)) {
            throw c.postingClosesAt == null
                    ? ApiException.of(RatingCodes.OBJECTION_RESULTS_NOT_POSTED)
                    : ApiException.of(
                            RatingCodes.OBJECTION_OUTSIDE_POSTING_WINDOW, c.postingOpensAt, c.postingClosesAt);
        }
        if (objections.filedFor(campaignId, householdId) > 0) {
            throw ApiException.of(RatingCodes.OBJECTION_ALREADY_FILED);
        }
        Objection o = new Objection();
        o.id = UUID.randomUUID();
        o.campaignId = campaignId;
        o.householdId = householdId;
        o.townshipCode = facts.townshipCode;
        o.reason = reason;
        o.status = Objection.Status.OPEN;
        o.filedBy = caller.username();
        o.filedAt = now;
        objections.save(o);
        return o;
    }

    /** A credit-admin resolves an open objection: the result stands, or the household is rated again from its current facts. */
    @Transactional
    public Objection resolve(UUID campaignId, UUID objectionId, Resolution resolution, String note) {
        Campaign c = campaigns.lockForUpdate(campaignId);
        Objection o = objections.lockForUpdate(objectionId);
        if (c == null || o == null || !o.campaignId.equals(campaignId)) {
            throw ApiException.of(RatingCodes.OBJECTION_NOT_FOUND, objectionId, campaignId);
        }
        if (o.status != Objection.Status.OPEN) {
            throw ApiException.of(RatingCodes.OBJECTION_ALREADY_RESOLVED, o.resolvedBy);
        }
        if (c.status != Campaign.Status.POSTED) {
            throw ApiException.of(RatingCodes.OBJECTION_CAMPAIGN_NOT_POSTED, c.status.name());
        }
        if (resolution == Resolution.RERATE) {
            List<HouseholdRating> rerated =
                    rater.rateAll(List.of(o.householdId), HouseholdRater.Occasion.objection(campaignId));
            if (rerated.isEmpty()) {
                throw ApiException.of(RatingCodes.HOUSEHOLD_FILE_CLOSED);
            }
            campaigns.replaceResult(campaignId, o.householdId, rerated.get(0).id);
            o.newRatingId = rerated.get(0).id;
            o.status = Objection.Status.RERATED;
        } else {
            o.status = Objection.Status.UPHELD;
        }
        o.resolvedBy = caller.username();
        o.resolvedAt = Instant.now(clock);
        o.resolutionNote = note;
        return o;
    }
}

package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.CampaignRetry;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.repository.CampaignRepository;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.HouseholdRatingRepository;

/**
 * The scheduled pass that advances started campaigns: it walks the division's households village by
 * village, one batch per transaction through the rater's batch path, keeping its place in the
 * campaign row — so a campaign over a million households streams, never holds them in memory, and
 * resumes after a restart. Finalizing walks the campaign's results the same way and records each as
 * FINAL, valid until the campaign's date.
 */
@ApplicationScoped
public class CampaignRunner {

    private static final Logger LOG = Logger.getLogger(CampaignRunner.class);

    private final CampaignRepository campaigns;
    private final HouseholdFactsRepository householdFacts;
    private final HouseholdRatingRepository ratings;
    private final HouseholdRater rater;
    private final Clock clock;

    public CampaignRunner(
            CampaignRepository campaigns,
            HouseholdFactsRepository householdFacts,
            HouseholdRatingRepository ratings,
            HouseholdRater rater,
            Clock clock) {
        this.campaigns = campaigns;
        this.householdFacts = householdFacts;
        this.ratings = ratings;
        this.rater = rater;
        this.clock = clock;
    }

    @Scheduled(
            every = "${rating.campaign.interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advanceAll() {
        List<UUID> busy;
        try {
            busy = QuarkusTransaction.requiringNew().call(campaigns::inProgress);
        } catch (RuntimeException e) {
            LOG.warnf("campaign pass failed, will retry: %s", e.getMessage());
            return;
        }
        // one campaign that fails must not hold up the others
        for (UUID id : busy) {
            try {
                runToEnd(id);
            } catch (RuntimeException e) {
                recordStall(id, e);
            }
        }
    }

    /** Advances one campaign batch by batch until it waits for people (posting) or is done. */
    public void runToEnd(UUID id) {
        while (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> advance(id)))) {
            // one batch per transaction
        }
    }

    /**
     * One batch; true when there is more to do. Replicas skip a campaign another one is advancing;
     * a stalled campaign waits out its pause ({@link CampaignRetry}).
     */
    boolean advance(UUID id) {
        Optional<Campaign> claimed = campaigns.claim(id);
        if (claimed.isEmpty()) {
            return false;
        }
        Campaign c = claimed.get();
        if (!CampaignRetry.due(c.failedPasses, c.lastFailureAt, Instant.now(clock))) {
            return false;
        }
        int failedBefore = c.failedPasses;
        if (failedBefore > 0) {
            // rolled back with the batch if it fails again
            c.stalledSince = null;
            c.lastFailureAt = null;
            c.failedPasses = 0;
            c.stallReason = null;
        }
        boolean more = switch (c.status) {
            case RATING -> rateBatch(c);
            case FINALIZING -> finalizeBatch(c);
            default -> false;
        };
        if (failedBefore > 0) {
            LOG.infof("campaign %s moves again after %d failed passes", c.id, failedBefore);
        }
        return more;
    }

    /**
     * Notes on the campaign that a pass failed and where, for the officers who watch it; the cause
     * goes to the log only (it may name the service's classes).
     */
    private void recordStall(UUID id, RuntimeException cause) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Campaign c = campaigns.lockForUpdate(id);
                if (c == null) {
                    return;
                }
                Instant now = Instant.now(clock);
                boolean first = c.stalledSince == null;
                if (first) {
                    c.stalledSince = now;
                }
                c.lastFailureAt = now;
                c.failedPasses++;
                c.stallReason = stallReason(c);
                if (first) {
                    LOG.errorf(cause, "campaign %s stalled: %s", id, c.stallReason);
                } else {
                    LOG.warnf(
                            "campaign %s still stalled after %d failed passes, next try in %s: %s",
                            id, c.failedPasses, CampaignRetry.pauseAfter(c.failedPasses), cause.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    "campaign %s: a pass failed (%s) and that could not be recorded (%s); will retry",
                    id, cause.getMessage(), e.getMessage());
        }
    }

    private static String stallReason(Campaign c) {
        if (c.status == Campaign.Status.FINALIZING) {
            return "Finalizing stopped after " + c.householdsFinal + " of " + c.householdsRated
                    + " households: a batch failed and is tried again. The service log has the cause.";
        }
        return "Rating stopped after " + c.householdsRated + " of " + c.householdsTotal + " households: the batch "
                + (c.cursorVillageCode == null ? "from the start" : "after village " + c.cursorVillageCode)
                + " failed and is tried again. The service log has the cause.";
    }

    private boolean rateBatch(Campaign c) {
        List<CampaignRepository.VillageHousehold> rows = campaigns.householdsAfterCursor(c, HouseholdRater.BATCH);
        List<UUID> ids = rows.stream()
                .map(CampaignRepository.VillageHousehold::householdId)
                .toList();
        if (!ids.isEmpty()) {
            List<HouseholdRating> rated = rater.rateAll(ids, HouseholdRater.Occasion.campaign(c.id));
            campaigns.addResults(c.id, rated);
            c.householdsRated += rated.size();
            c.cursorVillageCode = rows.get(rows.size() - 1).villageCode();
            c.cursorHouseholdId = ids.get(ids.size() - 1);
        }
        if (ids.size() < HouseholdRater.BATCH) {
            c.status = Campaign.Status.POSTED;
            c.cursorVillageCode = null;
            c.cursorHouseholdId = null;
            c.postingOpensAt = Instant.now(clock);
            c.postingClosesAt = c.postingOpensAt.plus(Duration.ofDays(c.postingDays));
            LOG.infof("campaign %s rated %d households; posted until %s", c.id, c.householdsRated, c.postingClosesAt);
            return false;
        }
        return true;
    }

    private boolean finalizeBatch(Campaign c) {
        List<CampaignRepository.Result> rows = campaigns.resultsAfter(c.id, c.cursorHouseholdId, HouseholdRater.BATCH);
        if (!rows.isEmpty()) {
            List<UUID> households =
                    rows.stream().map(CampaignRepository.Result::householdId).toList();
            List<UUID> ratingIds =
                    rows.stream().map(CampaignRepository.Result::ratingId).toList();
            Map<UUID, HouseholdFactsRecord> facts = householdFacts.byHousehold(households);
            Instant now = Instant.now(clock);
            List<HouseholdRating> finals = new ArrayList<>(rows.size());
            for (HouseholdRating posted : ratings.byIds(ratingIds)) {
                finals.add(finalCopy(posted, c, now));
            }
            rater.keep(finals, facts);
            c.householdsFinal += rows.size();
            c.cursorHouseholdId = households.get(households.size() - 1);
        }
        if (rows.size() < HouseholdRater.BATCH) {
            c.status = Campaign.Status.FINALIZED;
            c.cursorHouseholdId = null;
            return false;
        }
        return true;
    }

    /** The posted result, unchanged, as a FINAL rating valid until the campaign's date. */
    private static HouseholdRating finalCopy(HouseholdRating posted, Campaign c, Instant now) {
        HouseholdRating r = new HouseholdRating();
        r.id = TimeOrderedIds.next();
        r.householdId = posted.householdId;
        r.villageCode = posted.villageCode;
        r.modelCode = posted.modelCode;
        r.modelVersion = posted.modelVersion;
        r.totalPoints = posted.totalPoints;
        r.grade = posted.grade;
        r.creditHousehold = posted.creditHousehold;
        r.vetoes = posted.vetoes;
        r.indicators = posted.indicators;
        r.reasons = posted.reasons;
        r.inputsAsOf = posted.inputsAsOf;
        r.status = HouseholdRating.Status.FINAL;
        r.ratedBy = "CAMPAIGN";
        r.sourceVersion = posted.sourceVersion;
        r.ratedAt = now;
        r.campaignId = c.id;
        r.validUntil = c.validUntil;
        return r;
    }
}

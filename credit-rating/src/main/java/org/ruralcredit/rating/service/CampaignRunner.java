package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.rating.config.RatingConfig;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.CampaignLanes;
import org.ruralcredit.rating.domain.CampaignRetry;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.repository.CampaignLaneRepository;
import org.ruralcredit.rating.repository.CampaignRepository;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.HouseholdRatingRepository;

/**
 * The scheduled pass that advances started campaigns. Rating walks the division's households lane by
 * lane (ranges of villages, {@link CampaignLanes}), each lane village by village, one batch per
 * transaction through the rater's batch path, keeping its place in the lane's row; the instance's
 * workers ({@code rating.campaign.workers}) and other replicas rate different lanes side by side.
 * So a campaign over a million households streams, never holds them in memory, and resumes after a
 * restart. Finalizing walks the campaign's results the same way, one batch after another, and
 * records each as FINAL, valid until the campaign's date.
 */
@ApplicationScoped
public class CampaignRunner {

    private static final Logger LOG = Logger.getLogger(CampaignRunner.class);

    private final CampaignRepository campaigns;
    private final CampaignLaneRepository lanes;
    private final HouseholdFactsRepository householdFacts;
    private final HouseholdRatingRepository ratings;
    private final HouseholdRater rater;
    private final Clock clock;
    private final int workerCount;
    private ExecutorService workers;

    public CampaignRunner(
            CampaignRepository campaigns,
            CampaignLaneRepository lanes,
            HouseholdFactsRepository householdFacts,
            HouseholdRatingRepository ratings,
            HouseholdRater rater,
            Clock clock,
            RatingConfig config) {
        this.campaigns = campaigns;
        this.lanes = lanes;
        this.householdFacts = householdFacts;
        this.ratings = ratings;
        this.rater = rater;
        this.clock = clock;
        this.workerCount = Math.max(1, config.campaign().workers());
    }

    @PostConstruct
    void startWorkers() {
        if (workerCount > 1) {
            workers = Executors.newFixedThreadPool(
                    workerCount,
                    Thread.ofPlatform().name("campaign-worker-", 0).daemon().factory());
        }
    }

    @PreDestroy
    void stopWorkers() {
        if (workers != null) {
            workers.shutdownNow();
        }
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
        runCampaigns(busy);
    }

    /** Advances one campaign until it waits for people (posting) or is done. */
    public void runToEnd(UUID id) {
        runCampaigns(List.of(id));
    }

    /**
     * Advances the campaigns until each waits for people (posting) or is done: the lanes of those
     * rating on the instance's workers side by side, then those finalizing, one batch after another.
     * A campaign whose pass fails is noted as stalled and holds up no other.
     */
    public void runCampaigns(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (workers == null) {
            rateLanes(ids, 0);
        } else {
            List<Future<?>> running = new ArrayList<>(workerCount);
            for (int w = 0; w < workerCount; w++) {
                int first = w;
                running.add(workers.submit(() -> rateLanes(ids, first)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    LOG.errorf(e.getCause(), "a campaign worker stopped");
                }
            }
        }
        for (UUID id : ids) {
            try {
                while (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> finalizeNext(id)))) {
                    // one batch per transaction
                }
            } catch (RuntimeException e) {
                recordStall(id, null, e);
            }
        }
    }

    /** One worker: lanes of each campaign in turn (starting at its own), batch by batch, until none is free. */
    private void rateLanes(List<UUID> ids, int first) {
        for (int k = 0; k < ids.size(); k++) {
            UUID id = ids.get((first + k) % ids.size());
            AtomicReference<CampaignLaneRepository.Claimed> held = new AtomicReference<>();
            try {
                while (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> rateNext(id, held)))) {
                    // one batch per transaction
                }
            } catch (RuntimeException e) {
                recordStall(id, held.get(), e);
            }
        }
    }

    /**
     * One batch of a lane of the campaign no other worker holds; true when there may be more to do.
     * A stalled campaign waits out its pause ({@link CampaignRetry}). The campaign's row is locked
     * only at the end, for its counts, so the lanes' batches run side by side; the lane that ends
     * last (under that lock, so it sees the others' ends) posts the campaign.
     */
    boolean rateNext(UUID id, AtomicReference<CampaignLaneRepository.Claimed> held) {
        Campaign c = campaigns.find(id);
        if (c == null
                || c.status != Campaign.Status.RATING
                || !CampaignRetry.due(c.failedPasses, c.lastFailureAt, Instant.now(clock))) {
            return false;
        }
        Optional<CampaignLaneRepository.Claimed> claimed = lanes.claimNext(id);
        if (claimed.isEmpty()) {
            return false;
        }
        CampaignLaneRepository.Claimed lane = claimed.get();
        held.set(lane);
        List<CampaignRepository.VillageHousehold> rows = campaigns.householdsAfterCursor(lane, HouseholdRater.BATCH);
        List<UUID> ids = rows.stream()
                .map(CampaignRepository.VillageHousehold::householdId)
                .toList();
        List<HouseholdRating> rated =
                ids.isEmpty() ? List.of() : rater.rateAll(ids, HouseholdRater.Occasion.campaign(c.id));
        campaigns.addResults(c.id, rated);
        boolean laneDone = ids.size() < HouseholdRater.BATCH;
        CampaignRepository.VillageHousehold last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        lanes.advance(
                lane,
                last == null ? null : last.villageCode(),
                last == null ? null : last.householdId(),
                rated.size(),
                laneDone);

        campaigns.refreshLocked(c);
        c.householdsRated += rated.size();
        if (c.failedPasses > 0 && lanes.othersFailing(id, lane.lane()) == 0) {
            LOG.infof("campaign %s moves again after %d failed passes", c.id, c.failedPasses);
            clearStall(c);
        }
        if (laneDone && lanes.othersOpen(id, lane.lane()) == 0) {
            c.status = Campaign.Status.POSTED;
            c.postingOpensAt = Instant.now(clock);
            c.postingClosesAt = c.postingOpensAt.plus(Duration.ofDays(c.postingDays));
            LOG.infof("campaign %s rated %d households; posted until %s", c.id, c.householdsRated, c.postingClosesAt);
            return false;
        }
        return true;
    }

    /**
     * One batch of a finalizing campaign; true when there is more to do. Replicas skip a campaign
     * another one is finalizing; a stalled campaign waits out its pause ({@link CampaignRetry}).
     */
    boolean finalizeNext(UUID id) {
        Optional<Campaign> claimed = campaigns.claim(id);
        if (claimed.isEmpty() || claimed.get().status != Campaign.Status.FINALIZING) {
            return false;
        }
        Campaign c = claimed.get();
        if (!CampaignRetry.due(c.failedPasses, c.lastFailureAt, Instant.now(clock))) {
            return false;
        }
        if (c.failedPasses > 0) {
            LOG.infof("campaign %s moves again after %d failed passes", c.id, c.failedPasses);
            // rolled back with the batch if it fails again
            clearStall(c);
        }
        return finalizeBatch(c);
    }

    private static void clearStall(Campaign c) {
        c.stalledSince = null;
        c.lastFailureAt = null;
        c.failedPasses = 0;
        c.stallReason = null;
    }

    /**
     * Notes on the campaign that a pass failed and where (for rating, in which lane), for the
     * officers who watch it; the cause goes to the log only (it may name the service's classes).
     */
    private void recordStall(UUID id, CampaignLaneRepository.Claimed lane, RuntimeException cause) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Campaign c = campaigns.lockForUpdate(id);
                if (c == null) {
                    return;
                }
                if (lane != null) {
                    lanes.recordFailure(id, lane.lane());
                }
                Instant now = Instant.now(clock);
                boolean first = c.stalledSince == null;
                if (first) {
                    c.stalledSince = now;
                }
                c.lastFailureAt = now;
                c.failedPasses++;
                c.stallReason = stallReason(c, lane);
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

    private static String stallReason(Campaign c, CampaignLaneRepository.Claimed lane) {
        if (c.status == Campaign.Status.FINALIZING || lane == null) {
            return "Finalizing stopped after " + c.householdsFinal + " of " + c.householdsRated
                    + " households: a batch failed and is tried again. The service log has the cause.";
        }
        String where;
        if (lane.cursorVillageCode() != null) {
            where = "after village " + lane.cursorVillageCode();
        } else if (lane.lane() == 0) {
            where = "from the start";
        } else {
            where = "from village " + lane.from();
        }
        return "Rating stopped after " + c.householdsRated + " of " + c.householdsTotal + " households: the batch "
                + where + " failed and is tried again. The service log has the cause.";
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

package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.commons.scheduling.PromptRunner;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.rating.config.RatingConfig;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.domain.scorecard.HouseholdInputs;
import org.ruralcredit.rating.domain.scorecard.LoanRecord;
import org.ruralcredit.rating.domain.scorecard.ScoreResult;
import org.ruralcredit.rating.domain.scorecard.Scorecard;
import org.ruralcredit.rating.domain.scorecard.ScorecardInputs;
import org.ruralcredit.rating.domain.scorecard.ScorecardModel;
import org.ruralcredit.rating.domain.scorecard.Veto;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.HouseholdRatingWriter;
import org.ruralcredit.rating.repository.LoanRecordRepository;
import org.ruralcredit.rating.repository.MoralStandingRepository;

/**
 * Rates households in batches: each batch is one transaction that reads the batch's facts and
 * moral standings with one query each, writes the ratings, their events (outbox) and each
 * household's current-rating columns. Event-driven re-rating claims marked rows with SKIP LOCKED,
 * so replicas share the work without rating a household twice, and only rows whose latest mark is
 * older than the quiet period ({@code rating.debounce}), so a burst of changes to one household
 * is rated once, after its last change; campaigns use the same batch path.
 */
@ApplicationScoped
public class HouseholdRater {

    private static final Logger LOG = Logger.getLogger(HouseholdRater.class);
    public static final int BATCH = 500;
    /** The scorecard's loan indicators look back five years (overdue count in the last 5 years). */
    private static final int LOAN_LOOK_BACK_YEARS = 5;

    /** Who asked for a rating and with which status it is stored. */
    public record Occasion(String ratedBy, HouseholdRating.Status status, UUID campaignId, LocalDate validUntil) {
        public static final Occasion EVENT = new Occasion("EVENT", HouseholdRating.Status.PROVISIONAL, null, null);

        public static Occasion campaign(UUID campaignId) {
            return new Occasion("CAMPAIGN", HouseholdRating.Status.PROVISIONAL, campaignId, null);
        }

        public static Occasion objection(UUID campaignId) {
            return new Occasion("OBJECTION", HouseholdRating.Status.PROVISIONAL, campaignId, null);
        }
    }

    /**
     * Time spent in the batch path since start, per phase (nanoseconds over every thread): reading
     * facts, standings and loans; scoring; writing ratings, current ratings and events. Two clock
     * readings per phase and batch; the benchmark reports them.
     */
    public static final class Phases {
        private final LongAdder read = new LongAdder();
        private final LongAdder score = new LongAdder();
        private final LongAdder write = new LongAdder();

        void add(long readNanos, long scoreNanos, long writeNanos) {
            read.add(readNanos);
            score.add(scoreNanos);
            write.add(writeNanos);
        }

        /** read, score, write in nanoseconds. */
        public long[] nanos() {
            return new long[] {read.sum(), score.sum(), write.sum()};
        }

        public void reset() {
            read.reset();
            score.reset();
            write.reset();
        }
    }

    public static final Phases PHASES = new Phases();

    private final HouseholdFactsRepository householdFacts;
    private final MoralStandingRepository moralStandings;
    private final ScorecardModelService models;
    private final Outbox outbox;
    private final Clock clock;
    private final LoanRecordRepository loanRecords;
    private final HouseholdRatingWriter writer;
    private final Duration debounce;

    public HouseholdRater(
            HouseholdFactsRepository householdFacts,
            MoralStandingRepository moralStandings,
            ScorecardModelService models,
            Outbox outbox,
            Clock clock,
            LoanRecordRepository loanRecords,
            HouseholdRatingWriter writer,
            RatingConfig config) {
        this.householdFacts = householdFacts;
        this.moralStandings = moralStandings;
        this.writer = writer;
        this.debounce = config.debounce();
        this.loanRecords = loanRecords;
        this.models = models;
        this.outbox = outbox;
        this.clock = clock;
    }

    private final PromptRunner runner = new PromptRunner("household-rater", this::rateChanged);

    /**
     * Woken when a consumer's transaction that marked a household commits: the run comes once the
     * quiet period has passed, so the household is rated then rather than at the next poll.
     */
    public void wakeAfterQuietPeriod() {
        runner.wake(debounce.plusMillis(20));
    }

    /** Catches marks no wake announced (another replica's, or from before a restart). */
    @Scheduled(
            every = "${rating.rerate-interval:1s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        runner.wake(Duration.ZERO);
    }

    @PreDestroy
    void stop() {
        runner.close();
    }

    /** Every pass runs on the runner's one thread. */
    void rateChanged() {
        try {
            int rated;
            do {
                rated = QuarkusTransaction.requiringNew().call(this::rateOneBatch);
            } while (rated == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("re-rating pass failed, will retry: %s", e.getMessage());
        }
    }

    int rateOneBatch() {
        List<UUID> ids = householdFacts.markedBy(RerateMarks.now().minus(debounce), BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        rateAll(ids, Occasion.EVENT);
        return ids.size();
    }

    /**
     * Rates the given households (in the caller's transaction) with the active model; households
     * without facts or with a closed file are skipped. Returns the ratings made. Their facts rows
     * are written by statement and left detached: a caller that changes a household's facts in the
     * same transaction does so before, or reads the row again after.
     */
    public List<HouseholdRating> rateAll(List<UUID> households, Occasion occasion) {
        if (households.isEmpty()) {
            return List.of();
        }
        long t0 = System.nanoTime();
        List<HouseholdFactsRecord> facts = householdFacts.lockedForRating(households);
        ScorecardModel model = models.active();
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        // the moral bank's standing of the current year, or of last year early in a year
        Map<UUID, MoralStandingRepository.Standing> standings = moralStandings.ofYear(households, today.getYear());
        Map<UUID, LoanRecord> loans = loanRecords.of(households, today.minusYears(LOAN_LOOK_BACK_YEARS));
        long t1 = System.nanoTime();
        List<HouseholdRating> ratings = new ArrayList<>(facts.size());
        Map<UUID, HouseholdFactsRecord> rated = new HashMap<>();
        for (HouseholdFactsRecord record : facts) {
            if (!"ACTIVE".equals(record.status)) {
                continue;
            }
            HouseholdRating rating = rate(
                    record,
                    model,
                    today,
                    now,
                    standings.get(record.householdId),
                    loans.get(record.householdId),
                    occasion);
            ratings.add(rating);
            rated.put(record.householdId, record);
        }
        long t2 = System.nanoTime();
        keep(facts.stream().map(f -> f.householdId).toList(), ratings, rated, today, true);
        householdFacts.detach(facts);
        PHASES.add(t1 - t0, t2 - t1, System.nanoTime() - t2);
        return ratings;
    }

    private HouseholdRating rate(
            HouseholdFactsRecord facts,
            ScorecardModel model,
            LocalDate today,
            Instant now,
            MoralStandingRepository.Standing standing,
            LoanRecord loans,
            Occasion occasion) {
        ScorecardInputs.Builder inputs = HouseholdInputs.fromRegistry(facts.facts, today);
        if (standing != null) {
            HouseholdInputs.withMoralStanding(
                    inputs, standing.totalPoints(), standing.vetoed(), standing.panelScore(), standing.asOf());
        }
        if (loans != null) {
            HouseholdInputs.withLoanRecord(inputs, loans);
        }
        ScoreResult result = Scorecard.score(model, inputs.build());
        HouseholdRating rating = new HouseholdRating();
        rating.id = TimeOrderedIds.next();
        rating.householdId = facts.householdId;
        rating.villageCode = facts.villageCode;
        rating.modelCode = result.modelCode();
        rating.modelVersion = result.modelVersion();
        rating.totalPoints = result.totalPoints();
        rating.grade = result.grade();
        rating.creditHousehold = result.creditHousehold();
        rating.vetoes = result.vetoesHit().stream().map(Veto::name).sorted().toList();
        rating.indicators = result.indicators();
        rating.reasons = result.reasons();
        rating.inputsAsOf = result.inputsAsOf();
        rating.status = occasion.status();
        rating.ratedBy = occasion.ratedBy();
        rating.campaignId = occasion.campaignId();
        rating.validUntil = occasion.validUntil();
        rating.sourceVersion = facts.sourceVersion;
        rating.ratedAt = now;
        return rating;
    }

    /**
     * The rating's announcement as {@code status} (its own, or FINAL_EXPIRED), naming the household's
     * current rating once the caller's transaction has kept what it changes.
     */
    public static Outbox.Keyed<HouseholdRated> announcement(
            HouseholdRating rating, HouseholdFactsRecord facts, String status, UUID currentRatingId) {
        return new Outbox.Keyed<>(
                facts.householdId.toString(),
                new HouseholdRated(
                        facts.householdId.toString(),
                        facts.villageCode,
                        facts.townshipCode,
                        rating.id.toString(),
                        rating.modelCode,
                        rating.modelVersion,
                        rating.totalPoints,
                        rating.grade,
                        rating.creditHousehold,
                        rating.vetoes,
                        rating.reasons.stream()
                                .map(ScoreResult.Reason::indicator)
                                .toList(),
                        status,
                        rating.sourceVersion,
                        rating.ratedAt,
                        rating.reasons.stream()
                                .map(r -> new HouseholdRated.Reason(
                                        r.indicator(), r.nameZh(), r.nameEn(), r.pointsLost()))
                                .toList(),
                        rating.validUntil,
                        currentRatingId == null ? null : currentRatingId.toString()));
    }

    /**
     * Keeps a batch of ratings, makes each its household's newest (a FINAL one also its final) and
     * records their announcements, from the households' facts; the households' marks for re-rating
     * are left as they are.
     */
    public void keep(List<HouseholdRating> ratings, Map<UUID, HouseholdFactsRecord> facts) {
        keep(ratings.stream().map(r -> r.householdId).toList(), ratings, facts, LocalDate.now(clock), false);
    }

    /**
     * One batched insert of the ratings, one statement for the households' current ratings (and,
     * when rating, their cleared marks) rather than an update each (a campaign writes a million),
     * which also answers each household's current rating for its announcement, and the
     * announcements in the outbox.
     */
    private void keep(
            List<UUID> households,
            List<HouseholdRating> ratings,
            Map<UUID, HouseholdFactsRecord> facts,
            LocalDate today,
            boolean clearMarks) {
        writer.insert(ratings);
        Map<UUID, UUID> current = writer.makeCurrent(households, ratings, clearMarks, today);
        List<Outbox.Keyed<HouseholdRated>> announcements = new ArrayList<>(ratings.size());
        for (HouseholdRating rating : ratings) {
            announcements.add(announcement(
                    rating, facts.get(rating.householdId), rating.status.name(), current.get(rating.householdId)));
        }
        outbox.recordAll(EventCatalog.HOUSEHOLD_RATED, announcements);
    }
}

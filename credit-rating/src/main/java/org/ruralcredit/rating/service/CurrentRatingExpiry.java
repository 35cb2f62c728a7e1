package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.rating.domain.CurrentRating;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.repository.CurrentRatingRepository;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.HouseholdRatingRepository;

/**
 * The daily pass that ends FINAL ratings whose year of validity is over (valid until yesterday or
 * before): the household's newest rating becomes its current one, and that is announced on
 * {@code rating.household.v1} (status FINAL_EXPIRED when the newest is the expired FINAL rating
 * itself, else the newest's own status), so consumers that follow a household's current rating
 * see the change. Readers choose by the day in any case, so figures are right before the pass too.
 */
@ApplicationScoped
public class CurrentRatingExpiry {

    private static final Logger LOG = Logger.getLogger(CurrentRatingExpiry.class);
    static final int BATCH = 500;

    private final CurrentRatingRepository currentRatings;
    private final HouseholdRatingRepository ratings;
    private final HouseholdFactsRepository householdFacts;
    private final Outbox outbox;
    private final Clock clock;

    public CurrentRatingExpiry(
            CurrentRatingRepository currentRatings,
            HouseholdRatingRepository ratings,
            HouseholdFactsRepository householdFacts,
            Outbox outbox,
            Clock clock) {
        this.currentRatings = currentRatings;
        this.ratings = ratings;
        this.householdFacts = householdFacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Just after midnight in Shanghai, and once a minute after start (a pass missed while down). */
    @Scheduled(
            cron = "${rating.expiry.cron:0 5 0 * * ?}",
            timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Scheduled(
            every = "24h",
            delayed = "${rating.expiry.after-start:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            int expired = expireAll();
            if (expired > 0) {
                LOG.infof("%d FINAL ratings reached the end of their validity", expired);
            }
        } catch (RuntimeException e) {
            LOG.warnf("rating expiry pass failed, the next one retries: %s", e.getMessage());
        }
    }

    /** Expires every FINAL rating past its validity, a batch a transaction; returns how many. */
    public int expireAll() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += done;
        } while (done == BATCH);
        return total;
    }

    int expireBatch() {
        List<CurrentRatingRepository.Expired> expired = currentRatings.expiredBefore(LocalDate.now(clock), BATCH);
        if (expired.isEmpty()) {
            return 0;
        }
        List<UUID> households = expired.stream()
                .map(CurrentRatingRepository.Expired::householdId)
                .toList();
        Map<UUID, HouseholdRating> newest =
                ratings
                        .byIds(expired.stream()
                                .map(CurrentRatingRepository.Expired::newestRatingId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(r -> r.id, Function.identity()));
        Map<UUID, HouseholdFactsRecord> facts = householdFacts.byHousehold(households);
        List<Outbox.Keyed<HouseholdRated>> events = new ArrayList<>();
        for (CurrentRatingRepository.Expired e : expired) {
            HouseholdRating rating = newest.get(e.newestRatingId());
            HouseholdFactsRecord record = facts.get(e.householdId());
            if (rating == null || record == null) {
                continue;
            }
            String status = e.newestRatingId().equals(e.finalRatingId())
                    ? CurrentRating.Standing.FINAL_EXPIRED.name()
                    : rating.status.name();
            // the FINAL is cleared below, so the newest rating is the household's current one from now on
            events.add(HouseholdRater.announcement(rating, record, status, e.newestRatingId()));
        }
        currentRatings.clearFinal(households);
        outbox.recordAll(EventCatalog.HOUSEHOLD_RATED, events);
        ratings.forgetRead();
        return expired.size();
    }
}

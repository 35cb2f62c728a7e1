package org.ruralcredit.rating.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.domain.scorecard.HouseholdInputs;
import org.ruralcredit.rating.domain.scorecard.ScoreResult;
import org.ruralcredit.rating.domain.scorecard.Scorecard;
import org.ruralcredit.rating.domain.scorecard.ScorecardInputs;
import org.ruralcredit.rating.domain.scorecard.ScorecardModel;
import org.ruralcredit.rating.domain.scorecard.Veto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-rates households whose facts changed, in batches: each batch is one transaction that
 * writes the ratings, their events (outbox) and clears the marks. Rows are claimed with
 * SKIP LOCKED, so replicas share the work without rating a household twice.
 */
@ApplicationScoped
public class HouseholdRater {

    private static final Logger LOG = Logger.getLogger(HouseholdRater.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final ScorecardModelService models;
    private final Outbox outbox;
    private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

    public HouseholdRater(EntityManager em, ScorecardModelService models, Outbox outbox) {
        this.em = em;
        this.models = models;
        this.outbox = outbox;
    }

    @Scheduled(every = "${rating.rerate-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        SELECT household_id FROM household_facts WHERE needs_rating
                        ORDER BY updated_at LIMIT ?1 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, BATCH).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        ScorecardModel model = models.active();
        LocalDate today = LocalDate.now(clock);
        for (UUID id : ids) {
            HouseholdFactsRecord facts = em.find(HouseholdFactsRecord.class, id);
            rate(facts, model, today, "EVENT");
            facts.needsRating = false;
        }
        return ids.size();
    }

    /** The moral bank's standing of the current year, or of last year early in a year. */
    record MoralStanding(int totalPoints, boolean vetoed, BigDecimal panelScore, LocalDate asOf) {
    }

    Optional<MoralStanding> moralStanding(UUID household, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT total_points, vetoed, panel_score, updated_at FROM moral_standing
                        WHERE household_id = ?1 AND year IN (?2, ?3) ORDER BY year DESC LIMIT 1""")
                .setParameter(1, household).setParameter(2, year).setParameter(3, year - 1).getResultList();
        return rows.stream().findFirst().map(r -> new MoralStanding(((Number) r[0]).intValue(), (Boolean) r[1],
                (BigDecimal) r[2], ((Instant) r[3]).atZone(clock.getZone()).toLocalDate()));
    }

    HouseholdRating rate(HouseholdFactsRecord facts, ScorecardModel model, LocalDate today, String ratedBy) {
        ScorecardInputs.Builder inputs = HouseholdInputs.fromRegistry(facts.facts, today);
        moralStanding(facts.householdId, today.getYear()).ifPresent(standing -> HouseholdInputs.withMoralStanding(
                inputs, standing.totalPoints(), standing.vetoed(), standing.panelScore(), standing.asOf()));
        ScoreResult result = Scorecard.score(model, inputs.build());
        HouseholdRating rating = new HouseholdRating();
        rating.id = UUID.randomUUID();
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
        rating.status = HouseholdRating.Status.PROVISIONAL;
        rating.ratedBy = ratedBy;
        rating.sourceVersion = facts.sourceVersion;
        rating.ratedAt = Instant.now(clock);
        em.persist(rating);
        outbox.record(EventCatalog.HOUSEHOLD_RATED, facts.householdId.toString(), new HouseholdRated(
                facts.householdId.toString(), facts.villageCode, facts.townshipCode, rating.id.toString(),
                rating.modelCode, rating.modelVersion, rating.totalPoints, rating.grade, rating.creditHousehold,
                rating.vetoes, result.reasons().stream().map(ScoreResult.Reason::indicator).toList(),
                rating.status.name(), rating.sourceVersion, rating.ratedAt));
        return rating;
    }
}

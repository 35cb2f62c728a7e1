package org.ruralcredit.rating.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.DivisionRatingRecord;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.service.CampaignRunner;
import org.ruralcredit.rating.service.CampaignService;
import org.ruralcredit.rating.service.DivisionRatingService;
import org.ruralcredit.rating.service.HouseholdRater;

/**
 * Not a test: a benchmark, run only with {@code -Dbench.rating=true} (see bench/run-rating-bench.sh).
 * Generates N households' inputs straight into the rating_bench database (400 households a village,
 * 20 villages a township, 40 townships a county; loans for 30% of households), rates every household
 * through the campaign path (the same batched path as event-driven re-rating), then computes and
 * approves every village, township and county rating. Prints households per second and seconds.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@EnabledIfSystemProperty(named = "bench.rating", matches = "true")
class RatingBenchmark {

    private static final int PER_VILLAGE = 400;
    private static final int VILLAGES_PER_TOWNSHIP = 20;
    private static final int TOWNSHIPS_PER_COUNTY = 40;
    /** The tables the floor writes into copies of. */
    private static final List<String> FLOOR_TABLES =
            List.of("household_rating", "outbox_event", "campaign_household", "household_current_rating");

    @Inject
    EntityManager em;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignRunner runner;

    @Inject
    DivisionRatingService divisions;

    @Test
    void rateAMillionHouseholds() throws Exception {
        int households = Integer.getInteger("bench.households", 1_000_000);
        int threads = Integer.getInteger("bench.threads", 2);
        long t0 = System.nanoTime();
        generate(households);
        long t1 = System.nanoTime();
        System.out.printf("BENCH generated %,d households in %.1f s%n", households, secs(t0, t1));

        // Baseline in the same run: a plain read of the same input rows and a plain write of one result
        // row each, as wide as a rating (the facts stand in for indicators, reasons and inputs)
        long b0 = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DROP TABLE IF EXISTS bench_baseline").executeUpdate();
            em.createNativeQuery("""
                    CREATE TABLE bench_baseline AS SELECT gen_random_uuid() AS id, household_id, village_code,
                           length(facts::text) % 100 AS total_points, 'B' AS grade, facts AS indicators,
                           facts AS reasons, now() AS rated_at
                    FROM household_facts""").executeUpdate();
        });
        t1 = System.nanoTime(); // the households' clock starts after the baseline, not before it
        double baseline = secs(b0, t1);
        System.out.printf(
                "BENCH baseline: plain read and write of %,d rows in %.1f s = %,.0f households/s%n",
                households, baseline, households / baseline);

        List<String> counties = codes("SELECT DISTINCT left(village_code, 6) FROM household_facts ORDER BY 1");
        List<UUID> started = new ArrayList<>();
        for (String county : counties) {
            started.add(campaigns.start(county, 7, "bench-admin").id);
        }
        HouseholdRater.PHASES.reset();
        runner.runCampaigns(started);
        long t2 = System.nanoTime();
        long[] phases = HouseholdRater.PHASES.nanos();
        System.out.printf(
                "BENCH phases of the campaign batches, summed over %d workers: read %.1f s, score %.1f s, write %.1f s%n",
                threads, phases[0] / 1e9, phases[1] / 1e9, phases[2] / 1e9);
        long rated = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT count(*) FROM campaign_household")
                                .getSingleResult()))
                .longValue();
        System.out.printf(
                "BENCH rated %,d households in %.1f s: %,.0f households/s (%d workers)%n",
                rated, secs(t1, t2), rated / secs(t1, t2), threads);

        List<String> villages = codes("SELECT code FROM village ORDER BY code");
        rateDivisions(villages, threads, true);
        long t3 = System.nanoTime();
        List<String> townships = codes("SELECT DISTINCT township_code FROM village ORDER BY 1");
        rateDivisions(townships, threads, false);
        rateDivisions(counties, 1, false);
        long t4 = System.nanoTime();
        System.out.printf(
                "BENCH rated and approved %,d villages in %.1f s, %,d townships and %,d counties in %.1f s%n",
                villages.size(), secs(t2, t3), townships.size(), counties.size(), secs(t3, t4));
        System.out.printf(
                "BENCH total (rating households, villages, townships, counties): %.1f s for %,d households = %,.0f households/s%n",
                secs(t1, t4), rated, rated / secs(t1, t4));
        for (UUID id : started) {
            Campaign c = campaigns.get(id);
            if (c.status != Campaign.Status.POSTED) {
                throw new AssertionError("campaign " + id + " is " + c.status);
            }
        }
        floor(rated);
    }

    /**
     * The floor under any campaign of this schema: what the campaign stored for its households (the
     * ratings, their events as not yet published, the campaign's entries, the facts' current rating)
     * written again set-based, one statement a table, into tables with the same indexes and keys. No
     * scorecard, no JSON, no round trips: what is left is PostgreSQL's work for the rows themselves.
     */
    private void floor(long rated) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : FLOOR_TABLES) {
                em.createNativeQuery("DROP TABLE IF EXISTS floor_" + table).executeUpdate();
                em.createNativeQuery("CREATE TABLE floor_" + table + " (LIKE " + table + " INCLUDING ALL)")
                        .executeUpdate();
            }
            em.createNativeQuery("""
                    ALTER TABLE floor_household_rating ADD FOREIGN KEY (model_code, model_version)
                        REFERENCES scorecard_model (code, version)""").executeUpdate();
            em.createNativeQuery(
                            "ALTER TABLE floor_campaign_household ADD FOREIGN KEY (campaign_id) REFERENCES campaign (id)")
                    .executeUpdate();
        });
        em.clear();
        List<String> statements = List.of(
                "INSERT INTO floor_household_rating SELECT * FROM household_rating",
                """
                INSERT INTO floor_outbox_event OVERRIDING SYSTEM VALUE
                SELECT id, event_id, event_type, topic, aggregate_id, payload, created_at, NULL FROM outbox_event
                WHERE event_type = 'rating.household-rated'""",
                "INSERT INTO floor_campaign_household SELECT * FROM campaign_household",
                """
                INSERT INTO floor_household_current_rating (household_id, newest_rating_id, newest_grade,
                    newest_credit_household, newest_points)
                SELECT household_id, id, grade, credit_household, total_points FROM household_rating""");
        List<String> split = new ArrayList<>();
        long f0 = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            for (String sql : statements) {
                long s0 = System.nanoTime();
                em.createNativeQuery(sql).executeUpdate();
                split.add(String.format("%.1f s", secs(s0, System.nanoTime())));
            }
        });
        double floor = secs(f0, System.nanoTime());
        System.out.printf(
                "BENCH floor: the campaign's stored rows for %,d households written set-based in %.1f s = %,.0f households/s%n",
                rated, floor, rated / floor);
        System.out.printf(
                "BENCH floor by statement (ratings, events, campaign entries, current ratings): %s%n",
                String.join(", ", split));
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : FLOOR_TABLES) {
                em.createNativeQuery("DROP TABLE floor_" + table).executeUpdate();
            }
        });
    }

    private void rateDivisions(List<String> codes, int threads, boolean village) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < codes.size(); i = next.getAndIncrement()) {
                    String code = codes.get(i);
                    DivisionRatingRecord r = divisions.compute(
                            code, null, null, new Actor("bench-maker", Set.of(Role.CREDIT_ADMIN), null));
                    divisions.decide(
                            r.id,
                            true,
                            null,
                            village
                                    ? new Actor("bench-official", Set.of(Role.TOWNSHIP_OFFICIAL), code.substring(0, 9))
                                    : new Actor("bench-checker", Set.of(Role.CREDIT_ADMIN), null));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    @SuppressWarnings("unchecked")
    private List<String> codes(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                (List<String>) em.createNativeQuery(sql, String.class).getResultList());
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    /** Household facts cloned in SQL from one template row, with varied assets, income and age. */
    private void generate(int households) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    TRUNCATE household_facts, household_rating, household_current_rating, village, division_rating, campaign_household, objection,
                        campaign_lane, campaign, loan_state, household_subject, moral_standing, outbox_event, inbox_event""").executeUpdate();
            HouseholdFactsRecord template = new HouseholdFactsRecord();
            template.householdId = UUID.randomUUID();
            template.villageCode = "000000000000";
            template.townshipCode = "000000000";
            template.status = "TEMPLATE";
            template.sourceVersion = 1;
            template.facts = Fixtures.facts(template.householdId.toString(), "330281100999", 1, 400_000);
            template.updatedAt = Instant.now();
            em.persist(template);
        });
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            em.createNativeQuery("""
                    INSERT INTO household_facts (household_id, village_code, township_code, status, source_version, facts,
                        needs_rating, updated_at)
                    SELECT g.id, g.village, left(g.village, 9), 'ACTIVE', 1,
                           jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(t.facts,
                               '{householdId}', to_jsonb(g.id::text)),
                               '{villageCode}', to_jsonb(g.village)),
                               '{townshipCode}', to_jsonb(left(g.village, 9))),
                               '{countyCode}', to_jsonb(left(g.village, 6))),
                               '{assets,housing}', to_jsonb((random() * 900000)::int)),
                               '{income,businessIncome}', to_jsonb((random() * 200000)::int)),
                               '{head,ageYears}', to_jsonb(25 + (random() * 45)::int)),
                           false, now()
                    FROM (SELECT gen_random_uuid() AS id,
                                 lpad((500000 + i / (?2 * ?3 * ?4))::text, 6, '0')
                                 || lpad((100 + (i / (?2 * ?3)) % ?4)::text, 3, '0')
                                 || lpad((200 + (i / ?2) % ?3)::text, 3, '0') AS village
                          FROM generate_series(0, ?1 - 1) AS i) g,
                         (SELECT facts FROM household_facts WHERE status = 'TEMPLATE') t""")
                    .setParameter(1, households)
                    .setParameter(2, PER_VILLAGE)
                    .setParameter(3, VILLAGES_PER_TOWNSHIP)
                    .setParameter(4, TOWNSHIPS_PER_COUNTY)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM household_facts WHERE status = 'TEMPLATE'")
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO village (code, name, township_code, county_code, total_households, population,
                        figures_as_of, source_revision, updated_at)
                    SELECT village_code, 'V' || village_code, left(village_code, 9), left(village_code, 6),
                           count(*) + 20, count(*) * 3, DATE '2026-05-01', 1, now()
                    FROM household_facts GROUP BY village_code""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO household_subject (subject_hash, household_id)
                    SELECT encode(sha256(household_id::text::bytea), 'hex'), household_id
                    FROM household_facts WHERE random() < 0.3""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO loan_state (loan_id, institution, subject_type, subject_hash, amount_fen, outstanding_fen,
                        overdue_days, classification, non_performing, ever_non_performing, settled, start_date,
                        revision, updated_at)
                    SELECT gen_random_uuid()::text, 'YYRCB', 'HOUSEHOLD', subject_hash, 5000000, 3000000,
                           CASE WHEN r < 0.02 THEN 200 WHEN r < 0.06 THEN 30 ELSE 0 END,
                           CASE WHEN r < 0.02 THEN 'DOUBTFUL' WHEN r < 0.06 THEN 'SPECIAL_MENTION' ELSE 'NORMAL' END,
                           r < 0.02, r < 0.02, false, DATE '2026-03-01', 1, now()
                    FROM (SELECT subject_hash, random() AS r FROM household_subject) s""").executeUpdate();
        });
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("ANALYZE").executeUpdate());
    }
}

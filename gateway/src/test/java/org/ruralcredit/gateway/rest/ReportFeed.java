package org.ruralcredit.gateway.rest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.creditline.CreditGrade;
import org.ruralcredit.creditline.LenderPolicy;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.EventType;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.gateway.messaging.ReportModelProgress;
import org.ruralcredit.testing.KafkaSend;

/**
 * Announces households to the gateway as the registry, credit-rating and the moral bank would (on
 * the test topics of the real broker), and waits until the report read model has applied them.
 */
final class ReportFeed {

    private final DataSource db;

    ReportFeed(DataSource db) {
        this.db = db;
    }

    /** A Linshan file (head 王建国, shown 王**), its land 12.5 mu, the given version and public-order facts. */
    static HouseholdChanged file(
            UUID household,
            String lookupHash,
            long version,
            String status,
            List<HouseholdChanged.PublicOrderFact> facts) {
        return file(household, lookupHash, version, status, facts, "王**", "330281********1234");
    }

    /** The same file with the head's masked name and ID given. */
    static HouseholdChanged file(
            UUID household,
            String lookupHash,
            long version,
            String status,
            List<HouseholdChanged.PublicOrderFact> facts,
            String headName,
            String headResidentId) {
        return new HouseholdChanged(
                household.toString(),
                "330281100202",
                "330281100",
                "330281",
                status,
                HouseholdChanged.ACTIVE.equals(status) ? null : "MOVED_AWAY",
                version,
                new HouseholdChanged.Head(52, "MALE", "JUNIOR_HIGH", "HEALTHY", "FULL"),
                3,
                2,
                30,
                null,
                new HouseholdChanged.Land(new BigDecimal("12.5"), BigDecimal.ZERO, LocalDate.of(2026, 5, 1), "入户调查"),
                null,
                null,
                null,
                null,
                facts,
                new HouseholdChanged.ReportIdentity(lookupHash, headName, headResidentId),
                Instant.parse("2026-05-02T01:00:00Z"));
    }

    /**
     * A file of a household in the given village of Linshan's township, with its assets and incomes
     * (in yuan: total assets, business income and the net income, wages or production expenses making up the difference).
     */
    static HouseholdChanged fileWithFinances(
            UUID household, String lookupHash, String villageCode, long assets, long business, long net) {
        return new HouseholdChanged(
                household.toString(),
                villageCode,
                villageCode.substring(0, 9),
                villageCode.substring(0, 6),
                HouseholdChanged.ACTIVE,
                null,
                1,
                new HouseholdChanged.Head(52, "MALE", "JUNIOR_HIGH", "HEALTHY", "FULL"),
                3,
                2,
                30,
                null,
                null,
                new HouseholdChanged.Assets(assets, 0, 0, 0, 0, LocalDate.of(2026, 5, 1), "入户调查"),
                new HouseholdChanged.IncomeAndExpenses(
                        business,
                        Math.max(0, net - business),
                        0,
                        business + Math.max(0, net - business) - net,
                        0,
                        LocalDate.of(2026, 5, 1),
                        "入户调查"),
                null,
                null,
                List.of(),
                new HouseholdChanged.ReportIdentity(lookupHash, "王**", "330281********1234"),
                Instant.parse("2026-05-02T01:00:00Z"));
    }

    /** A lender's policy version as credit-rating announces it (lines 60,000/50,000/30,000 by grade, 8% less discounts). */
    static LenderPolicyRegistered policy(String institution, String policyId, int version) {
        return new LenderPolicyRegistered(
                institution,
                policyId,
                version,
                "丰收贷",
                Map.of("AAA", new BigDecimal("60000"), "AA", new BigDecimal("50000"), "A", new BigDecimal("30000")),
                new BigDecimal("0.05"),
                new BigDecimal("0.10"),
                new BigDecimal("100000"),
                12,
                new BigDecimal("0.08"),
                Map.of("AAA", new BigDecimal("0.10"), "AA", new BigDecimal("0.05")),
                new BigDecimal("0.5"),
                new BigDecimal("1000"),
                new BigDecimal("0.03"),
                "loan-officer",
                Instant.parse("2026-10-01T02:00:00Z"));
    }

    /** {@link #policy}'s content in the calculator's terms, as credit-rating reads it from the lender's document. */
    static LenderPolicy policyTerms(String policyId, int version) {
        return new LenderPolicy(
                policyId,
                version,
                "丰收贷",
                Map.of(
                        CreditGrade.AAA, new BigDecimal("60000"),
                        CreditGrade.AA, new BigDecimal("50000"),
                        CreditGrade.A, new BigDecimal("30000")),
                new BigDecimal("0.05"),
                new BigDecimal("0.10"),
                new BigDecimal("100000"),
                12,
                new BigDecimal("0.08"),
                Map.of(CreditGrade.AAA, new BigDecimal("0.10"), CreditGrade.AA, new BigDecimal("0.05")),
                new BigDecimal("0.5"),
                new BigDecimal("1000"),
                new BigDecimal("0.03"));
    }

    /** A policy's envelope, keyed institution/policyId as credit-rating's outbox keys it. */
    static EventEnvelope<LenderPolicyRegistered> policyEvent(LenderPolicyRegistered policy) {
        return EventEnvelope.of(
                TimeOrderedIds.next(), EventCatalog.LENDER_POLICY_REGISTERED, policy.key(), "test", policy);
    }

    static HouseholdRated rating(
            UUID household,
            UUID rating,
            String grade,
            int score,
            String status,
            Instant ratedAt,
            LocalDate validUntil,
            UUID current) {
        return rating(household, "330281100202", rating, grade, true, score, status, ratedAt, validUntil, current);
    }

    /** A rating of a household of the given village, a credit household or not. */
    static HouseholdRated rating(
            UUID household,
            String villageCode,
            UUID rating,
            String grade,
            boolean creditHousehold,
            int score,
            String status,
            Instant ratedAt,
            LocalDate validUntil,
            UUID current) {
        return new HouseholdRated(
                household.toString(),
                villageCode,
                villageCode.substring(0, 9),
                rating.toString(),
                "HH",
                3,
                score,
                grade,
                creditHousehold,
                List.of(),
                List.of("land"),
                status,
                2,
                ratedAt,
                List.of(new HouseholdRated.Reason("land", "土地", "Land", 4)),
                validUntil,
                current == null ? null : current.toString());
    }

    static MoralityPointsChanged moral(UUID household, int year, int points) {
        return new MoralityPointsChanged(
                household.toString(),
                "330281100202",
                "330281100",
                year,
                MoralityPointsChanged.ENTRY_APPROVED,
                UUID.randomUUID().toString(),
                1,
                List.of(new MoralityPointsChanged.StandardBalance("LAW", 30, 36)),
                points,
                false,
                List.of(),
                true,
                true,
                50000,
                null,
                0,
                "ACTIVE",
                List.of(new MoralityPointsChanged.Entry(
                        "DEED", "R1", null, "LAW", LocalDate.of(year, 3, 1), 5, false, "调解邻里纠纷")));
    }

    /** An envelope with a fresh time-ordered id: a later call makes a later event. */
    static <T> EventEnvelope<T> event(EventType<T> type, UUID household, T data) {
        return EventEnvelope.of(TimeOrderedIds.next(), type, household.toString(), "test", data);
    }

    static void send(EventEnvelope<?>... events) {
        for (EventEnvelope<?> e : events) {
            KafkaSend.send("test." + EventCatalog.byName(e.type()).orElseThrow().topic(), e);
        }
    }

    /** Waits until the model has caught up with every source's topic once since the gateway started. */
    static void awaitCaughtUp(ReportModelProgress progress) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!(progress.caughtUp(ReportModelProgress.Source.REGISTRY)
                && progress.caughtUp(ReportModelProgress.Source.RATING)
                && progress.caughtUp(ReportModelProgress.Source.MORALITY)
                && progress.caughtUp(ReportModelProgress.Source.POLICIES))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the read model did not catch up within 60 s: " + progress.behind());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the model holds this household's file at this version (or later). */
    void awaitFile(UUID household, long version) {
        await("SELECT 1 FROM report_household WHERE household_id = ? AND file_version >= " + version, household);
    }

    /** Waits until the model applied this event to the household's ratings. */
    void awaitRatingEvent(UUID household, UUID eventId) {
        await(
                "SELECT 1 FROM inbox_event WHERE consumer = 'report-model-ratings' AND event_id = '" + eventId
                        + "' AND aggregate_id = ?",
                household.toString());
    }

    /** Waits until the model applied this event to the household's moral profile. */
    void awaitMoralEvent(UUID household, UUID eventId) {
        await(
                "SELECT 1 FROM inbox_event WHERE consumer = 'report-model-morality' AND event_id = '" + eventId
                        + "' AND aggregate_id = ?",
                household.toString());
    }

    /** Waits until the model applied this policy event. */
    void awaitPolicyEvent(EventEnvelope<LenderPolicyRegistered> event) {
        await(
                "SELECT 1 FROM inbox_event WHERE consumer = 'report-model-policies' AND event_id = '" + event.eventId()
                        + "' AND aggregate_id = ?",
                event.aggregateId());
    }

    /**
     * Forgets the institution's policies (a test's starting point: none announced), once the model
     * has read every policy already on the topic, so none arrives after.
     */
    void forgetPolicies(ReportModelProgress progress, String institution) {
        awaitCaughtUp(progress);
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM report_policy WHERE institution = ?")) {
            s.setString(1, institution);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the model applied this event to the household's file. */
    void awaitFileEvent(UUID household, UUID eventId) {
        await(
                "SELECT 1 FROM inbox_event WHERE consumer = 'report-model-households' AND event_id = '" + eventId
                        + "' AND aggregate_id = ?",
                household.toString());
    }

    private void await(String sql, Object key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, key);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return;
                    }
                }
                Thread.sleep(100);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the read model did not apply the event within 60 s: " + sql);
    }
}

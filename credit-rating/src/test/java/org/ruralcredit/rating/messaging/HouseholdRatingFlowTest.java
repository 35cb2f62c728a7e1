package org.ruralcredit.rating.messaging;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.testing.KafkaSend;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class HouseholdRatingFlowTest {

    @ConfigProperty(name = "rating.debounce")
    Duration debounce;

    private static final String FACTS = "test." + EventCatalog.HOUSEHOLD_CHANGED.topic();
    private static final String RATINGS = "test." + EventCatalog.HOUSEHOLD_RATED.topic();
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 1);

    static HouseholdChanged facts(String id, long version, List<HouseholdChanged.PublicOrderFact> publicOrder) {
        return new HouseholdChanged(
                id,
                "330281100202",
                "330281100",
                "330281",
                "ACTIVE",
                null,
                version,
                new HouseholdChanged.Head(45, "M", "SENIOR_HIGH", "HEALTHY", "FULL"),
                4,
                2,
                30,
                new HouseholdChanged.Production("TRADE", BigDecimal.ONE, "店", 12, true, AS_OF, "入户调查"),
                null,
                new HouseholdChanged.Assets(400_000, 50_000, 100_000, 0, 50_000, AS_OF, "入户调查"),
                new HouseholdChanged.IncomeAndExpenses(170_000, 25_000, 5_000, 30_000, 30_000, AS_OF, "入户调查"),
                new HouseholdChanged.Liabilities(50_000, 0, 0, AS_OF, "农商行"),
                new HouseholdChanged.Social(false, false, false, 3, AS_OF, "村委会"),
                publicOrder,
                null,
                null);
    }

    private static EventEnvelope<HouseholdChanged> envelope(HouseholdChanged data) {
        return new EventEnvelope<>(
                UUID.randomUUID(),
                EventCatalog.HOUSEHOLD_CHANGED.name(),
                Instant.now(),
                data.householdId(),
                "farmer-registry",
                data);
    }

    @Test
    void aChangedHouseholdIsReRatedOnceAndTheRatingIsPublished() {
        String id = UUID.randomUUID().toString();
        EventEnvelope<HouseholdChanged> first = envelope(facts(id, 1, List.of()));
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            KafkaSend.send(FACTS, first, first); // delivered twice on purpose
            List<KafkaTail.Received> rated = tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30));
            assertEquals(1, rated.size());
            HouseholdRated rating = rated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED);
            assertEquals(88, rating.score());
            assertEquals("AAA", rating.grade());
            assertTrue(rating.creditHousehold());
            assertEquals("household-default", rating.modelCode());
            assertEquals(1, rating.sourceVersion());
            assertEquals("PROVISIONAL", rating.status());

            // a court lists the head as a dishonest debtor: version 2 of the file
            KafkaSend.send(
                    FACTS,
                    envelope(facts(
                            id,
                            2,
                            List.of(new HouseholdChanged.PublicOrderFact(
                                    "DISHONEST_DEBTOR", LocalDate.of(2026, 9, 1), "余姚市人民法院", true)))));
            // the tail continues where the first wait stopped: a rating for the duplicate would come first
            List<KafkaTail.Received> again = tail.await(e -> e.aggregateId().equals(id), 2, Duration.ofSeconds(10));
            assertEquals(1, again.size(), "one rating per accepted change, none for the duplicate");
            HouseholdRated vetoed = again.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED);
            assertFalse(vetoed.creditHousehold());
            assertEquals(List.of("DISHONEST_DEBTOR"), vetoed.vetoes());
        }

        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/rating", id)
                .then()
                .statusCode(200)
                .body("grade", equalTo("AAA"))
                .body("creditHousehold", equalTo(false))
                .body("vetoes", equalTo(List.of("DISHONEST_DEBTOR")))
                .body("sourceVersion", equalTo(2))
                .body("reasons[0].indicator", equalTo("overdue-5y"))
                .body("indicators.find { it.code == 'net-assets' }.points", equalTo(10));
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/ratings", id)
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
    }

    /**
     * Four corrections of the file and a moral-bank change, 150 ms apart, all within the quiet
     * period (rating.debounce, 1 s in tests): one rating, of the last version with the standing.
     * Without the quiet period the rater, passing every 0.2 s, rated such a burst two or three times.
     */
    @Test
    void aBurstOfChangesToOneHouseholdIsRatedOnce() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            long widestGap = 0;
            long last = System.nanoTime();
            for (int version = 1; version <= 4; version++) {
                KafkaSend.send(FACTS, envelope(facts(id, version, List.of())));
                widestGap = Math.max(widestGap, System.nanoTime() - last);
                last = System.nanoTime();
                Thread.sleep(150);
                if (version == 2) {
                    KafkaSend.send("test." + EventCatalog.MORALITY_POINTS_CHANGED.topic(), standing(id));
                    widestGap = Math.max(widestGap, System.nanoTime() - last);
                    last = System.nanoTime();
                    Thread.sleep(150);
                }
            }
            // a send slowed by a loaded machine can open a gap as long as the quiet period itself: the
            // burst is then two bursts, and what this test proves cannot be asked of that run
            assumeTrue(
                    widestGap < debounce.toNanos() * 3 / 4,
                    "the burst's widest gap, " + widestGap / 1_000_000 + " ms, came near the quiet period of "
                            + debounce.toMillis() + " ms");
            List<KafkaTail.Received> rated = tail.await(e -> e.aggregateId().equals(id), 2, Duration.ofSeconds(15));
            assertEquals(1, rated.size(), "one rating for the whole burst");
            HouseholdRated rating = rated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED);
            assertEquals(4, rating.sourceVersion());
            assertEquals(93, rating.score());
        }
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/ratings", id)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].sourceVersion", equalTo(4));
    }

    private static EventEnvelope<MoralityPointsChanged> standing(String id) {
        MoralityPointsChanged standing = new MoralityPointsChanged(
                id,
                "330281100202",
                "330281100",
                LocalDate.now(ServiceClock.CHINA).getYear(),
                MoralityPointsChanged.PANEL_RESULT,
                null,
                1,
                List.of(),
                85,
                false,
                List.of(),
                true,
                false,
                30_000,
                new BigDecimal("92.5"),
                5,
                null,
                null);
        return new EventEnvelope<>(
                UUID.randomUUID(),
                EventCatalog.MORALITY_POINTS_CHANGED.name(),
                Instant.now(),
                id,
                "morality-score",
                standing);
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        String id = UUID.randomUUID().toString();
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            KafkaSend.send(
                    FACTS,
                    envelope(facts(id, 3, List.of())),
                    envelope(facts(
                            id,
                            2,
                            List.of(new HouseholdChanged.PublicOrderFact("DISHONEST_DEBTOR", AS_OF, "法院", true)))));
            List<KafkaTail.Received> rated = tail.await(e -> e.aggregateId().equals(id), 2, Duration.ofSeconds(8));
            assertEquals(1, rated.size());
            assertTrue(rated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED).creditHousehold());
        }
    }

    @Test
    void ratingsAreReadOnlyWithinOnesDivisionAndRole() {
        String id = UUID.randomUUID().toString();
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            KafkaSend.send(FACTS, envelope(facts(id, 1, List.of())));
            assertEquals(
                    1,
                    tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30))
                            .size());
        }
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get("/api/v1/households/{id}/rating", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/households/{id}/rating", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/households/{id}/rating", id).then().statusCode(401);
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/rating", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aMoralBankChangeReRatesTheHousehold() {
        String id = UUID.randomUUID().toString();
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            KafkaSend.send(FACTS, envelope(facts(id, 1, List.of())));
            assertEquals(
                    88,
                    tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30))
                            .get(0)
                            .event()
                            .dataAs(EventCatalog.HOUSEHOLD_RATED)
                            .score());

            KafkaSend.send("test." + EventCatalog.MORALITY_POINTS_CHANGED.topic(), standing(id));
            List<KafkaTail.Received> rerated = tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30));
            assertEquals(1, rerated.size());
            assertEquals(
                    93,
                    rerated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED).score());
        }
    }

    @Test
    void aLoanReportedOverdueOrInMaliciousDefaultReRatesItsHousehold() {
        String id = UUID.randomUUID().toString();
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            KafkaSend.send(FACTS, envelope(facts(id, 1, List.of())));
            assertEquals(
                    88,
                    tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30))
                            .get(0)
                            .event()
                            .dataAs(EventCatalog.HOUSEHOLD_RATED)
                            .score());

            // the head's loan reported 40 days overdue; the gateway names the household it found for the head
            LoanChanged loan = new LoanChanged(
                    UUID.randomUUID().toString(),
                    "YYRCB",
                    "L-" + id,
                    LoanChanged.STATUS,
                    "HOUSEHOLD",
                    Fixtures.randomHash(),
                    id,
                    5_000_000L,
                    LocalDate.of(2025, 3, 1),
                    LocalDate.of(2027, 3, 1),
                    "种植",
                    4_000_000L,
                    40,
                    "SPECIAL_MENTION",
                    false,
                    false,
                    false,
                    null,
                    2);
            KafkaSend.send(
                    "test." + EventCatalog.LOAN_CHANGED.topic(),
                    new EventEnvelope<>(
                            UUID.randomUUID(),
                            EventCatalog.LOAN_CHANGED.name(),
                            Instant.now(),
                            loan.loanId(),
                            "gateway",
                            loan));
            List<KafkaTail.Received> rerated = tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30));
            assertEquals(1, rerated.size());
            // overdue-5y: one loan ever overdue, 6 of 10 points (7 while unknown); on-time share 0: 0 of 5 (3 while
            // unknown)
            assertEquals(
                    84,
                    rerated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED).score());

            // the lender then finds the borrower in malicious default (恶意逃废债): a veto
            LoanChanged malicious = lossStatus(loan, id, true, 3);
            KafkaSend.send(
                    "test." + EventCatalog.LOAN_CHANGED.topic(),
                    new EventEnvelope<>(
                            UUID.randomUUID(),
                            EventCatalog.LOAN_CHANGED.name(),
                            Instant.now(),
                            loan.loanId(),
                            "gateway",
                            malicious));
            HouseholdRated vetoed = tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30))
                    .get(0)
                    .event()
                    .dataAs(EventCatalog.HOUSEHOLD_RATED);
            assertEquals(List.of("MALICIOUS_DEFAULT"), vetoed.vetoes());
            assertFalse(vetoed.creditHousehold());

            // the finding is suspended by the household's objection: the gateway publishes the loan
            // as it stood before it, and the veto goes with it (the loan's state is the gateway's)
            LoanChanged suspended = lossStatus(loan, id, false, 4);
            KafkaSend.send(
                    "test." + EventCatalog.LOAN_CHANGED.topic(),
                    new EventEnvelope<>(
                            UUID.randomUUID(),
                            EventCatalog.LOAN_CHANGED.name(),
                            Instant.now(),
                            loan.loanId(),
                            "gateway",
                            suspended));
            HouseholdRated lifted = tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30))
                    .get(0)
                    .event()
                    .dataAs(EventCatalog.HOUSEHOLD_RATED);
            assertEquals(List.of(), lifted.vetoes());

            // found again once the objection is rejected
            LoanChanged standsAgain = lossStatus(loan, id, true, 5);
            KafkaSend.send(
                    "test." + EventCatalog.LOAN_CHANGED.topic(),
                    new EventEnvelope<>(
                            UUID.randomUUID(),
                            EventCatalog.LOAN_CHANGED.name(),
                            Instant.now(),
                            loan.loanId(),
                            "gateway",
                            standsAgain));
            assertEquals(
                    List.of("MALICIOUS_DEFAULT"),
                    tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(30))
                            .get(0)
                            .event()
                            .dataAs(EventCatalog.HOUSEHOLD_RATED)
                            .vetoes());
        }
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/rating", id)
                .then()
                .statusCode(200)
                .body("vetoes", equalTo(List.of("MALICIOUS_DEFAULT")))
                .body("indicators.find { it.code == 'overdue-5y' }.points", equalTo(6))
                .body(
                        "inputsAsOf.'loan-record'",
                        equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    }

    /** The loan 400 days overdue and classed LOSS, with or without the malicious-default finding. */
    private static LoanChanged lossStatus(LoanChanged loan, String householdId, boolean malicious, int revision) {
        return new LoanChanged(
                loan.loanId(),
                "YYRCB",
                loan.loanRef(),
                LoanChanged.STATUS,
                "HOUSEHOLD",
                loan.subjectHash(),
                householdId,
                5_000_000L,
                loan.startDate(),
                loan.maturityDate(),
                "种植",
                4_000_000L,
                400,
                "LOSS",
                true,
                malicious,
                false,
                null,
                revision);
    }
}

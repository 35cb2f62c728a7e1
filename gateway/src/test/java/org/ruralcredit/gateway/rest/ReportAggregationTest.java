package org.ruralcredit.gateway.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.creditline.CreditGrade;
import org.ruralcredit.creditline.CreditLineCalculator;
import org.ruralcredit.creditline.CreditLineOffer;
import org.ruralcredit.creditline.DefaultLenderPolicy;
import org.ruralcredit.creditline.HouseholdFinances;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.gateway.config.SettableClock;
import org.ruralcredit.gateway.messaging.ReportModelProgress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.gateway.rest.GatewayFixtures.recordConsent;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The household report from the read model: households and lenders' policies announced on the real
 * broker's test topics as the registry, credit-rating and the moral bank would; stand-ins on their
 * ports only to show they are not asked, the lender's offer included (sized in the gateway with the
 * calculator credit-rating uses). A complete report with the services down, late and repeated events,
 * a closed and an unknown file, the five-year exclusions and the printable view.
 */
@QuarkusTest
class ReportAggregationTest {

    private static SourceStub registry;
    private static SourceStub rating;
    private static SourceStub morality;
    private static final UUID HOUSEHOLD = UUID.randomUUID();

    @BeforeAll
    static void startSources() throws Exception {
        registry = new SourceStub(18991);
        rating = new SourceStub(18992);
        morality = new SourceStub(18993);
    }

    @AfterAll
    static void stopSources() {
        registry.close();
        rating.close();
        morality.close();
    }

    @Inject
    SettableClock clock;

    @BeforeEach
    void allAnswer() {
        SourceStub.answerAsUsual(registry, rating, morality, HOUSEHOLD);
    }

    private static ValidatableResponse report(String consent, String purpose) {
        return given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", purpose))
                .post("/api/v1/reports/households")
                .then();
    }

    @Inject
    PersonalDataCipher cipher;

    @Inject
    DataSource dataSource;

    @Inject
    ReportModelProgress progress;

    /**
     * A Linshan household announced as the services would: its file (version 2), two ratings (AA,
     * final and current, valid until 2027-09-30; A, a year older) and 84 moral points.
     */
    private UUID known(String rid) {
        UUID household = UUID.randomUUID();
        ReportFeed feed = new ReportFeed(dataSource);
        UUID aa = UUID.randomUUID();
        EventEnvelope<?> older = ReportFeed.event(
                EventCatalog.HOUSEHOLD_RATED,
                household,
                ReportFeed.rating(
                        household,
                        UUID.randomUUID(),
                        "A",
                        80,
                        "FINAL",
                        Instant.parse("2025-10-01T02:00:00Z"),
                        null,
                        null));
        EventEnvelope<?> current = ReportFeed.event(
                EventCatalog.HOUSEHOLD_RATED,
                household,
                ReportFeed.rating(
                        household,
                        aa,
                        "AA",
                        86,
                        "FINAL",
                        Instant.parse("2026-10-01T02:00:00Z"),
                        LocalDate.of(2027, 9, 30),
                        aa));
        EventEnvelope<?> moral = ReportFeed.event(
                EventCatalog.MORALITY_POINTS_CHANGED, household, ReportFeed.moral(household, 2026, 84));
        ReportFeed.send(
                ReportFeed.event(
                        EventCatalog.HOUSEHOLD_CHANGED,
                        household,
                        ReportFeed.file(household, hash(rid), 2, HouseholdChanged.ACTIVE, List.of())),
                older,
                current,
                moral);
        feed.awaitFile(household, 2);
        feed.awaitRatingEvent(household, current.eventId());
        feed.awaitMoralEvent(household, moral.eventId());
        return household;
    }

    private String hash(String rid) {
        return cipher.lookupHash("resident-id", rid);
    }

    @Test
    void theReportComesFromTheReadModelCompleteAndMaskedWithoutAskingTheServices() {
        String rid = TestData.residentId();
        known(rid);
        registry.lastPath = null;
        rating.lastPath = null;
        morality.lastPath = null;
        String consent = recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION");
        String body = report(consent, "LOAN_APPLICATION")
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("identity.data.headName", equalTo("王**"))
                .body("identity.data.headResidentId", equalTo(rid.substring(0, 6) + "********" + rid.substring(14)))
                .body("identity.asOf", notNullValue())
                .body("household.data.facts.land.contractedMu", equalTo(12.5f))
                .body("household.data.fileVersion", equalTo(2))
                .body("household.asOf", notNullValue())
                .body("rating.data.current.grade", equalTo("AA"))
                .body("rating.data.current.model", equalTo("HH@3"))
                .body("rating.data.current.reasons[0].nameZh", equalTo("土地"))
                .body("rating.data.history.size()", equalTo(2))
                .body("rating.data.current.validUntil", equalTo("2027-09-30"))
                .body("rating.data.history[1].validUntil", nullValue())
                .body("rating.asOf", notNullValue())
                .body("morality.data.standing.totalPoints", equalTo(84))
                .body("morality.data.recentEntries[0].description", equalTo("调解邻里纠纷"))
                .body("morality.data.recentEntries[0]", not(Matchers.hasKey("proposedBy")))
                .body("offer.status", equalTo("AVAILABLE"))
                .body("offer.data[0].offer.grade", equalTo("AA"))
                .body("queries.data[0].institution", equalTo("YYRCB"))
                .extract()
                .asString();
        assertTrue(!body.contains(rid), "the resident ID never leaves in plain");
        // nothing was asked of another service, not even the lender's offer
        assertEquals(null, registry.lastPath);
        assertEquals(null, morality.lastPath);
        assertEquals(null, rating.lastPath);
    }

    /** The AA household's finances the offer tests use: 600,000 assets, 170,000 business income, 140,000 net. */
    private static final HouseholdFinances AA_FINANCES = new HouseholdFinances(
            CreditGrade.AA, new BigDecimal("600000"), new BigDecimal("170000"), new BigDecimal("140000"));

    /**
     * The report's offer of the expected policy, checked against what credit-rating's calculator gives
     * for the same finances (credit-rating's own test fixtures on the shared broker may have announced
     * other policies of YYRCB's: only this one is checked).
     */
    private static void assertOffer(
            JsonNode offers, String institution, UUID household, UUID rating, CreditLineOffer expected) {
        JsonNode o = null;
        for (JsonNode each : offers) {
            if (each.path("offer").path("policyId").asText().equals(expected.policyId())) {
                o = each;
            }
        }
        assertTrue(o != null, "no offer of " + expected.policyId() + ": " + offers);
        assertEquals(institution, o.path("institution").asText());
        assertEquals(household.toString(), o.path("householdId").asText());
        assertEquals(rating.toString(), o.path("ratingId").asText());
        assertEquals("FINAL", o.path("ratingStanding").asText());
        assertEquals("AA", o.path("finances").path("grade").asText());
        assertEquals(
                0,
                new BigDecimal("600000")
                        .compareTo(o.path("finances").path("familyTotalAssets").decimalValue()));
        assertEquals(
                0,
                new BigDecimal("170000")
                        .compareTo(
                                o.path("finances").path("familyBusinessIncome").decimalValue()));
        assertEquals(
                0,
                new BigDecimal("140000")
                        .compareTo(o.path("finances").path("netYearlyIncome").decimalValue()));
        assertEquals(expected.policyId(), o.path("offer").path("policyId").asText());
        assertEquals(
                expected.policyVersion(), o.path("offer").path("policyVersion").asInt());
        assertTrue(expected.hasLine(), "the expectation offers a line");
        assertEquals(
                0,
                expected.creditLine()
                        .compareTo(o.path("offer").path("creditLine").decimalValue()),
                o.toString());
        assertEquals(
                0,
                expected.annualRate()
                        .orElseThrow()
                        .compareTo(o.path("offer").path("annualRate").decimalValue()),
                o.toString());
        assertEquals(expected.steps().size(), o.path("offer").path("steps").size());
        assertEquals(
                expected.steps().get(0).arithmetic(),
                o.path("offer").path("steps").get(0).path("arithmetic").asText());
    }

    @Test
    void theOfferIsSizedFromTheLendersAnnouncedPolicyOrThePlatformsDefaultWithoutAskingCreditRating() throws Exception {
        ReportFeed feed = new ReportFeed(dataSource);
        // YYRCB has announced no policy (yet): the platform's default is offered
        feed.forgetPolicies(progress, "YYRCB");
        String rid = TestData.residentId();
        UUID household = UUID.randomUUID();
        UUID aa = UUID.randomUUID();
        EventEnvelope<?> rated = ReportFeed.event(
                EventCatalog.HOUSEHOLD_RATED,
                household,
                ReportFeed.rating(
                        household,
                        aa,
                        "AA",
                        86,
                        "FINAL",
                        Instant.parse("2026-10-01T02:00:00Z"),
                        LocalDate.of(2027, 9, 30),
                        aa));
        ReportFeed.send(
                ReportFeed.event(
                        EventCatalog.HOUSEHOLD_CHANGED,
                        household,
                        ReportFeed.fileWithFinances(household, hash(rid), "330281100202", 600_000, 170_000, 140_000)),
                rated);
        feed.awaitFile(household, 1);
        feed.awaitRatingEvent(household, rated.eventId());
        registry.lastPath = null;
        rating.lastPath = null;
        morality.lastPath = null;
        CreditLineCalculator calculator = new CreditLineCalculator();

        String body = report(recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION"), "LOAN_APPLICATION")
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("offer.status", equalTo("AVAILABLE"))
                .body("offer.source", equalTo("credit-rating"))
                .extract()
                .asString();
        assertEquals(1, JSON.readTree(body).path("offer").path("data").size(), body);
        assertOffer(
                JSON.readTree(body).path("offer").path("data"),
                "default",
                household,
                aa,
                calculator.offer(DefaultLenderPolicy.POLICY, AA_FINANCES));

        // YYRCB announces its policy (version 1, then 2 with the same terms): its newest version is offered instead
        EventEnvelope<LenderPolicyRegistered> first = ReportFeed.policyEvent(ReportFeed.policy("YYRCB", "harvest", 1));
        EventEnvelope<LenderPolicyRegistered> second = ReportFeed.policyEvent(ReportFeed.policy("YYRCB", "harvest", 2));
        ReportFeed.send(second, first);
        feed.awaitPolicyEvent(first);
        body = report(recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION"), "LOAN_APPLICATION")
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("offer.status", equalTo("AVAILABLE"))
                .extract()
                .asString();
        CreditLineOffer expected = calculator.offer(ReportFeed.policyTerms("harvest", 2), AA_FINANCES);
        assertOffer(JSON.readTree(body).path("offer").path("data"), "YYRCB", household, aa, expected);
        // the lender's own terms, not the default's: 50,000 + 30,000 + 17,000 capped by what 70,000 a year repays
        assertTrue(
                expected.creditLine()
                                .compareTo(calculator
                                        .offer(DefaultLenderPolicy.POLICY, AA_FINANCES)
                                        .creditLine())
                        != 0,
                "the two policies size different lines");

        // no source was asked, the offer included
        assertEquals(null, rating.lastPath);
        assertEquals(null, registry.lastPath);
        assertEquals(null, morality.lastPath);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withTheRegistryAndTheMoralBankDownTheReportIsStillComplete() {
        String rid = TestData.residentId();
        known(rid);
        registry.answer(503, "{\"status\":503}");
        morality.answer(503, "{\"status\":503}");
        rating.answer(503, "{\"status\":503}");
        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("identity.status", equalTo("AVAILABLE"))
                .body("rating.data.current.grade", equalTo("AA"))
                .body("morality.status", equalTo("AVAILABLE"))
                .body("offer.status", equalTo("AVAILABLE"));
    }

    @Test
    void lateAndRepeatedEventsNeverReplaceNewerState() {
        String rid = TestData.residentId();
        UUID household = known(rid);
        ReportFeed feed = new ReportFeed(dataSource);
        // the file: version 3 applied, then version 2 delivered late and twice
        EventEnvelope<?> v2 = ReportFeed.event(
                EventCatalog.HOUSEHOLD_CHANGED,
                household,
                ReportFeed.file(household, hash(rid), 2, HouseholdChanged.ACTIVE, List.of()));
        EventEnvelope<?> v3 = ReportFeed.event(
                EventCatalog.HOUSEHOLD_CHANGED,
                household,
                ReportFeed.file(
                        household,
                        hash(rid),
                        3,
                        HouseholdChanged.ACTIVE,
                        List.of(new HouseholdChanged.PublicOrderFact(
                                "VILLAGE_RULE_VIOLATION", LocalDate.of(2026, 1, 5), "村委会", false))));
        // a rating: its FINAL announcement, then its PROVISIONAL one (written earlier) arriving late
        UUID r = UUID.randomUUID();
        EventEnvelope<?> provisional = ReportFeed.event(
                EventCatalog.HOUSEHOLD_RATED,
                household,
                ReportFeed.rating(
                        household, r, "AAA", 95, "PROVISIONAL", Instant.parse("2026-11-01T02:00:00Z"), null, null));
        EventEnvelope<?> finalised = ReportFeed.event(
                EventCatalog.HOUSEHOLD_RATED,
                household,
                ReportFeed.rating(
                        household,
                        r,
                        "AAA",
                        95,
                        "FINAL",
                        Instant.parse("2026-11-01T02:00:00Z"),
                        LocalDate.of(2027, 10, 31),
                        r));
        // the moral profile: this year's, then last year's arriving late
        EventEnvelope<?> lastYear = ReportFeed.event(
                EventCatalog.MORALITY_POINTS_CHANGED, household, ReportFeed.moral(household, 2025, 40));
        EventEnvelope<?> thisYear = ReportFeed.event(
                EventCatalog.MORALITY_POINTS_CHANGED, household, ReportFeed.moral(household, 2026, 91));
        ReportFeed.send(v3, v2, v2, finalised, provisional, provisional, thisYear, lastYear);
        feed.awaitFileEvent(household, v2.eventId());
        feed.awaitRatingEvent(household, provisional.eventId());
        feed.awaitMoralEvent(household, lastYear.eventId());

        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("household.data.fileVersion", equalTo(3))
                .body("household.data.facts.publicOrder.kind", contains("VILLAGE_RULE_VIOLATION"))
                .body("rating.data.current.grade", equalTo("AAA"))
                .body("rating.data.current.status", equalTo("FINAL"))
                .body("rating.data.history.size()", equalTo(3))
                .body("morality.data.standing.year", equalTo(2026))
                .body("morality.data.standing.totalPoints", equalTo(91));
    }

    @Test
    void aFileAnnouncedWithoutItsHeadIsFoundOnceTheRegistryAnnouncesItAgain() {
        String rid = TestData.residentId();
        UUID household = UUID.randomUUID();
        ReportFeed feed = new ReportFeed(dataSource);
        // announced before the event carried the head: the model keeps the file, no consent finds it
        EventEnvelope<?> before = ReportFeed.event(
                EventCatalog.HOUSEHOLD_CHANGED,
                household,
                ReportFeed.file(household, null, 1, HouseholdChanged.ACTIVE, List.of(), null, null));
        ReportFeed.send(before);
        feed.awaitFileEvent(household, before.eventId());
        report(recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW"), "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("identity.status", equalTo("NOT_FOUND"))
                .body("household.status", equalTo("NOT_FOUND"));

        // the registry's run announces it again: the same version, in the event's current form
        EventEnvelope<?> again = ReportFeed.event(
                EventCatalog.HOUSEHOLD_CHANGED,
                household,
                ReportFeed.file(household, hash(rid), 1, HouseholdChanged.ACTIVE, List.of()));
        ReportFeed.send(again);
        feed.awaitFileEvent(household, again.eventId());
        report(recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW"), "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("identity.status", equalTo("AVAILABLE"))
                .body("identity.data.headName", equalTo("王**"))
                .body("household.status", equalTo("AVAILABLE"))
                .body("household.data.fileVersion", equalTo(1));
    }

    @Test
    void aClosedFileIsNotFound() {
        String rid = TestData.residentId();
        UUID household = known(rid);
        ReportFeed.send(ReportFeed.event(
                EventCatalog.HOUSEHOLD_CHANGED,
                household,
                ReportFeed.file(household, hash(rid), 5, HouseholdChanged.CLOSED, List.of())));
        new ReportFeed(dataSource).awaitFile(household, 5);
        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("identity.status", equalTo("NOT_FOUND"))
                .body("household.status", equalTo("NOT_FOUND"));
    }

    @Test
    void anUnknownHouseholdIsNotFoundNotMissing() {
        // once the model has caught up with the registry's topic, a head never announced has no file
        ReportFeed.awaitCaughtUp(progress);
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("identity.status", equalTo("NOT_FOUND"))
                .body("rating.status", equalTo("NOT_FOUND"))
                .body("offer.status", equalTo("NOT_FOUND"));
    }

    @Test
    void adverseRecordsThatEndedOverFiveYearsAgoAreExcluded() {
        String rid = TestData.residentId();
        String old = TestData.loanRef();
        String current = TestData.loanRef();
        loan(old, rid, TODAY.minusYears(8).toString(), 24);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "1000", "overdueDays", 120))
                .post("/api/v1/loans/" + old + "/status")
                .then()
                .statusCode(200);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("settledOn", TODAY.minusYears(5).minusDays(10).toString()))
                .post("/api/v1/loans/" + old + "/settlement")
                .then()
                .statusCode(200);
        loan(current, rid, TODAY.minusMonths(3).toString(), 12);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "40000", "overdueDays", 10))
                .post("/api/v1/loans/" + current + "/status")
                .then()
                .statusCode(200);

        String consent = recordConsent(LOAN_OFFICER, rid, "POST_LOAN_MANAGEMENT");
        report(consent, "POST_LOAN_MANAGEMENT")
                .statusCode(200)
                .body("loans.data.loans.size()", equalTo(1))
                .body("loans.data.loans[0].classification", equalTo("SPECIAL_MENTION"))
                .body("loans.data.loans[0].classificationZh", equalTo("关注"))
                .body("loans.data.loans[0].outstanding", equalTo(40000.0f))
                .body("loans.data.adverseRecordsExcluded", equalTo(1));
    }

    @Test
    void theReportShowsEachLoansDatedOverdueHistory() {
        String rid = TestData.residentId();
        String ref = TestData.loanRef();
        loan(ref, rid, TODAY.minusMonths(6).toString(), 24);
        try {
            clock.set(Instant.parse("2026-08-10T02:00:00Z"));
            status(ref, "48000", 0);
            clock.set(Instant.parse("2026-09-10T02:00:00Z"));
            status(ref, "48000", 35);
            clock.set(Instant.parse("2026-10-12T02:00:00Z"));
            status(ref, "48000", 95);
            clock.set(Instant.parse("2026-10-20T02:00:00Z"));
            status(ref, "46000", 0);
        } finally {
            clock.reset();
        }
        String consent = recordConsent(LOAN_OFFICER, rid, "POST_LOAN_MANAGEMENT");
        report(consent, "POST_LOAN_MANAGEMENT")
                .statusCode(200)
                .body("loans.data.loans[0].maxOverdueDays", equalTo(95))
                .body("loans.data.loans[0].overdueHistory.asOf", contains("2026-09-10", "2026-10-12", "2026-10-20"))
                .body("loans.data.loans[0].overdueHistory.overdueDays", contains(35, 95, 0))
                .body(
                        "loans.data.loans[0].overdueHistory.classification",
                        contains("SPECIAL_MENTION", "SUBSTANDARD", "NORMAL"));
        String html = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .accept("text/html")
                .body(Map.of("consentId", consent, "purpose", "POST_LOAN_MANAGEMENT"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                html.contains("逾期记录 Overdue history") && html.contains("<td>2026-10-12</td><td>95</td><td>次级</td>"),
                html);
    }

    private static void status(String ref, String outstanding, int overdueDays) {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", outstanding, "overdueDays", overdueDays))
                .post("/api/v1/loans/" + ref + "/status")
                .then()
                .statusCode(200);
    }

    private static void loan(String ref, String rid, String start, int term) {
        GatewayFixtures.queriedBeforeLending(rid);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        rid,
                        "amount",
                        "50000.00",
                        "startDate",
                        start,
                        "termMonths",
                        term,
                        "purpose",
                        "种植"))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
    }

    @Test
    void publicOrderFactsThatEndedOverFiveYearsAgoAreLeftOutOfTheHouseholdSection() {
        // today is 2026-11-18 (the test clock)
        String rid = TestData.residentId();
        UUID household = known(rid);
        ReportFeed.send(ReportFeed.event(
                EventCatalog.HOUSEHOLD_CHANGED,
                household,
                ReportFeed.file(
                        household,
                        hash(rid),
                        3,
                        HouseholdChanged.ACTIVE,
                        List.of(
                                new HouseholdChanged.PublicOrderFact(
                                        "COURT_ENFORCEMENT", LocalDate.of(2021, 11, 17), "县法院", false),
                                new HouseholdChanged.PublicOrderFact(
                                        "VILLAGE_RULE_VIOLATION", LocalDate.of(2021, 11, 18), "村委会", false),
                                new HouseholdChanged.PublicOrderFact(
                                        "DISHONEST_DEBTOR", LocalDate.of(2014, 3, 1), "县法院", true)))));
        new ReportFeed(dataSource).awaitFile(household, 3);
        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("household.status", equalTo("AVAILABLE"))
                .body("household.data.publicOrderExcluded", equalTo(1))
                .body("household.data.facts.publicOrder.kind", contains("VILLAGE_RULE_VIOLATION", "DISHONEST_DEBTOR"))
                .body("household.data.facts.land.contractedMu", equalTo(12.5f));
    }

    @Test
    void thePrintableViewIsTheSameRegisteredReportAsHtml() {
        String rid = TestData.residentId();
        known(rid);
        String consent = recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION");
        String html = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .accept("text/html")
                .body(Map.of("consentId", consent, "purpose", "LOAN_APPLICATION"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertTrue(html.contains("农户信用报告") && html.contains("王**") && html.contains("AA"), html);
        assertTrue(
                html.contains("有效期至 Valid until</th><td colspan=\"3\">2027-09-30</td>"),
                "the rating's validity is printed");
        assertTrue(!html.contains(rid) && !html.contains("王建国"), "masked in print too");
        // the single-use consent was spent by the printable request: it was registered like any other
        report(consent, "LOAN_APPLICATION")
                .statusCode(403)
                .body("type", equalTo("urn:ruralcredit:problem:consent-used"));
    }
}

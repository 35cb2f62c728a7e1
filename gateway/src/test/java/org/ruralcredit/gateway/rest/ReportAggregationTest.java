package org.ruralcredit.gateway.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.config.SettableClock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.gateway.rest.GatewayFixtures.recordConsent;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The household report's aggregation against stand-ins for the three sources (the system tests run
 * it against the real services): a complete report, a late source, a failing registry — always 200,
 * the missing sections named — the five-year exclusion and the printable view.
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

    @Test
    void allSourcesAnswerAndTheReportIsCompleteAndMasked() {
        String rid = TestData.residentId();
        String consent = recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION");
        String body = report(consent, "LOAN_APPLICATION")
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("identity.data.headName", equalTo("王**"))
                .body("identity.data.headResidentId", equalTo("330281********1234"))
                .body("household.data.facts.land.contractedMu", equalTo(12.5f))
                .body("rating.data.current.grade", equalTo("AA"))
                .body("rating.data.history.size()", equalTo(2))
                .body("rating.data.current.validUntil", equalTo("2027-09-30"))
                .body("rating.data.history[1].validUntil", nullValue())
                .body("morality.data.standing.totalPoints", equalTo(84))
                .body("morality.data.recentEntries[0]", not(Matchers.hasKey("proposedBy")))
                .body("offer.status", equalTo("AVAILABLE"))
                .body("offer.data[0].offer.creditLine", equalTo(67000))
                .body("offer.data[0].offer.policyId", equalTo("harvest"))
                .body("queries.data[0].institution", equalTo("YYRCB"))
                .extract()
                .asString();
        assertTrue(!body.contains(rid), "the resident ID never leaves in plain");

        // The registry was asked for the consented subject, with the gateway's own service token.
        assertTrue(registry.lastBody.contains(rid));
        assertEquals("/internal/v1/households/by-head", registry.lastPath);
        assertEquals("/api/v1/households/" + HOUSEHOLD + "/ratings", rating.lastPath);
        assertEquals("/internal/v1/households/" + HOUSEHOLD + "/profile", morality.lastPath);
        // the offer is asked for the consent's institution, the requesting lender's
        assertEquals("household=" + HOUSEHOLD + "&institution=YYRCB", rating.lastQueryAt(SourceStub.OFFERS));
        String claims = registry.lastTokenClaims();
        assertTrue(claims.contains("\"service-account-gateway\"") && claims.contains("internal-reader"), claims);
    }

    @Test
    void aLateSourceLeavesItsSectionOutWithinTheTimeoutNotAnError() {
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        morality.delayMillis = 2_000;
        long started = System.nanoTime();
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("morality"))
                .body("morality.status", equalTo("UNAVAILABLE"))
                .body("morality.detail", containsString("did not answer within 700 ms"))
                .body("rating.status", equalTo("AVAILABLE"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1_900, "answered after the timeout, not after the late source: " + millis + " ms");
    }

    @Test
    void whenTheRegistryFailsTheKnownHouseholdStillGetsRatingAndMoralProfile() {
        String rid = TestData.residentId();
        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW").statusCode(200).body("complete", equalTo(true));

        registry.answer(503, "{\"status\":503}");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("identity", "household"))
                .body("identity.detail", containsString("answered 503"))
                .body("rating.data.current.grade", equalTo("AA"))
                .body("morality.status", equalTo("AVAILABLE"));
    }

    @Test
    void anUnknownHouseholdIsNotFoundNotMissing() {
        registry.answer(404, "{\"status\":404}");
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("identity.status", equalTo("NOT_FOUND"))
                .body("rating.status", equalTo("NOT_FOUND"));
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
        registry.answer(200, SourceStub.registryHousehold(HOUSEHOLD).replace("\"facts\":{", """
                "facts":{"publicOrder":[
                  {"kind":"COURT_ENFORCEMENT","date":"2021-11-17","source":"县法院","ongoing":false},
                  {"kind":"VILLAGE_RULE_VIOLATION","date":"2021-11-18","source":"村委会","ongoing":false},
                  {"kind":"DISHONEST_DEBTOR","date":"2014-03-01","source":"县法院","ongoing":true}],"""));
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        report(consent, "GUARANTEE_REVIEW")
                .statusCode(200)
                .body("household.status", equalTo("AVAILABLE"))
                .body("household.data.publicOrderExcluded", equalTo(1))
                .body("household.data.facts.publicOrder.kind", contains("VILLAGE_RULE_VIOLATION", "DISHONEST_DEBTOR"))
                .body("household.data.facts.land.contractedMu", equalTo(12.5f));
        // without public-order facts nothing is counted
        registry.answer(200, SourceStub.registryHousehold(HOUSEHOLD));
        report(consent, "GUARANTEE_REVIEW").statusCode(200).body("household.data.publicOrderExcluded", equalTo(0));
    }

    @Test
    void thePrintableViewIsTheSameRegisteredReportAsHtml() {
        String rid = TestData.residentId();
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

package org.ruralcredit.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.gateway.rest.GatewayFixtures.recordConsent;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralcredit.gateway.config.SettableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Objections and statements, the household's view of its queries, agency award checks and the
 * firm pass-throughs, against stand-ins for the services; each path with allowed and refused roles.
 */
@QuarkusTest
class AgenciesObjectionsAndFirmsTest {

    private static SourceStub registry;
    private static SourceStub rating;
    private static SourceStub morality;
    private static SourceStub sme;
    private static final UUID HOUSEHOLD = UUID.randomUUID();

    @Inject
    SettableClock clock;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startSources() throws Exception {
        registry = new SourceStub(18991);
        rating = new SourceStub(18992);
        morality = new SourceStub(18993);
        sme = new SourceStub(18994);
    }

    @AfterAll
    static void stopSources() {
        registry.close();
        rating.close();
        morality.close();
        sme.close();
    }

    @BeforeEach
    void allAnswer() {
        SourceStub.answerAsUsual(registry, rating, morality, HOUSEHOLD);
        sme.answer(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    }

    private static ValidatableResponse raise(String user, String kind, String subjectType, String subjectId, String section) {
        return given().header("Authorization", bearer(user)).contentType("application/json")
                .body(Map.of("kind", kind, "subjectType", subjectType, "subjectId", subjectId, "section", section,
                        "text", "评级未计入我户新增的大棚面积"))
                .post("/api/v1/objections").then();
    }

    @Test
    void anObjectionGoesToTheOwningServicesQueueIsFlaggedWhenOverdueAndItsOutcomeShowsOnTheReport() {
        String rid = TestData.residentId();
        String id = raise(OFFICIAL_LINSHAN, "OBJECTION", "HOUSEHOLD", rid, "rating").statusCode(201)
                .body("owningService", equalTo("credit-rating"))
                .body("statement.status", equalTo("OPEN"))
                .body("statement.answerDueOn", equalTo(TODAY.plusDays(20).toString()))
                .extract().path("statement.id");
        raise(OFFICIAL_LINSHAN, "STATEMENT", "HOUSEHOLD", rid, "loans").statusCode(201)
                .body("statement.status", equalTo("RECORDED"));

        clock.set(SettableClock.WEDNESDAY_10_SHANGHAI.plus(Duration.ofDays(21)));
        try {
            List<Map<String, Object>> queue = given().header("Authorization", bearer(CREDIT_ADMIN))
                    .get("/api/v1/objections/queue?service=credit-rating").then().statusCode(200)
                    .extract().path("findAll { it.statement.id == '" + id + "' }");
            assertEquals(1, queue.size());
            assertEquals(true, ((Map<?, ?>) queue.get(0).get("statement")).get("overdue"));
        } finally {
            clock.reset();
        }
        given().header("Authorization", bearer(CREDIT_ADMIN)).get("/api/v1/objections/queue?service=nowhere")
                .then().statusCode(400);

        given().header("Authorization", bearer(OFFICIAL_LINSHAN)).contentType("application/json")
                .body(Map.of("outcome", "UPHELD", "answer", "已重评")).post("/api/v1/objections/" + id + "/answer")
                .then().statusCode(403);
        given().header("Authorization", bearer(CREDIT_ADMIN)).contentType("application/json")
                .body(Map.of("outcome", "UPHELD", "answer", "已按新增大棚重新评定")).post("/api/v1/objections/" + id + "/answer")
                .then().statusCode(200).body("statement.status", equalTo("ANSWERED"));
        given().header("Authorization", bearer(CREDIT_ADMIN)).contentType("application/json")
                .body(Map.of("outcome", "REJECTED", "answer", "again")).post("/api/v1/objections/" + id + "/answer")
                .then().statusCode(409);

        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW")).post("/api/v1/reports/households")
                .then().statusCode(200)
                .body("objections.data.size()", equalTo(2))
                .body("objections.data.outcome", hasItem("UPHELD: 已按新增大棚重新评定"))
                .body("objections.data.kind", hasItem("STATEMENT"));
    }

    @Test
    void onlyTheHouseholdsOwnTownshipOfficialRaisesForItAndBadInputIsNamed() {
        String rid = TestData.residentId();
        raise(OFFICIAL_MAZHU, "OBJECTION", "HOUSEHOLD", rid, "rating").statusCode(404);
        for (String user : List.of(LOAN_OFFICER, CLERK_LINSHAN, AUDITOR, GOV_CLERK)) {
            raise(user, "OBJECTION", "HOUSEHOLD", rid, "rating").statusCode(403);
        }
        raise(OFFICIAL_LINSHAN, "OBJECTION", "FIRM", TestData.creditCode(), "enterprise").statusCode(403);
        raise(CREDIT_ADMIN, "OBJECTION", "FIRM", TestData.creditCode(), "enterprise").statusCode(201)
                .body("owningService", equalTo("sme-archive"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN)).contentType("application/json")
                .body(Map.of("kind", "OBJECTION", "subjectType", "HOUSEHOLD", "subjectId", "123", "section", "enterprise"))
                .post("/api/v1/objections").then().statusCode(400)
                .body("errors.field", contains("subjectId", "section", "text"));
        for (String user : List.of(LOAN_OFFICER, OFFICIAL_LINSHAN, AUDITOR)) {
            given().header("Authorization", bearer(user)).get("/api/v1/objections/queue?service=credit-rating")
                    .then().statusCode(403);
        }
    }

    @Test
    void aHouseholdsOfficialSeesWhoQueriedIt() {
        String rid = TestData.residentId();
        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW")).post("/api/v1/reports/households")
                .then().statusCode(200);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN)).contentType("application/json")
                .body(Map.of("residentId", rid)).post("/api/v1/query-register/household-view")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].institution", equalTo("YYRCB"))
                .body("[0].username", equalTo("loan-officer"))
                .body("[0].outcome", equalTo("GRANTED"));
        given().header("Authorization", bearer(OFFICIAL_MAZHU)).contentType("application/json")
                .body(Map.of("residentId", rid)).post("/api/v1/query-register/household-view").then().statusCode(404);
        for (String user : List.of(LOAN_OFFICER, AUDITOR, CLERK_LINSHAN)) {
            given().header("Authorization", bearer(user)).contentType("application/json")
                    .body(Map.of("residentId", rid)).post("/api/v1/query-register/household-view").then().statusCode(403);
        }
        registry.answer(503, "{}");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN)).contentType("application/json")
                .body(Map.of("residentId", rid)).post("/api/v1/query-register/household-view")
                .then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void agenciesCheckHouseholdsForTheAwardWithReasonCategoriesOnlyAndTheCheckIsLogged() throws Exception {
        String first = TestData.residentId();
        String body = given().header("Authorization", bearer(GOV_CLERK)).contentType("application/json")
                .body(Map.of("programme", "文明诚信家庭 2026", "residentIds", List.of(first)))
                .post("/api/v1/award-checks/households").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/award-checks/households/"))
                .body("passed", equalTo(1))
                .body("results[0].outcome", equalTo("PASS"))
                .body("results[0].subject", equalTo(first.substring(0, 6) + "********" + first.substring(14)))
                .extract().asString();
        assertTrue(!body.contains("\"AA\"") && !body.contains(":84") && !body.contains("grade"), "no grade or points leave: " + body);

        morality.answer(200, SourceStub.moralProfile(HOUSEHOLD, 60, true));
        String checkId = given().header("Authorization", bearer(GOV_CLERK)).contentType("application/json")
                .body(Map.of("programme", "文明诚信家庭 2026", "residentIds", List.of(first)))
                .post("/api/v1/award-checks/households").then().statusCode(201)
                .body("results[0].outcome", equalTo("FAIL"))
                .body("results[0].reasons", contains("MORAL_VETO", "MORAL_POINTS_BELOW_THRESHOLD"))
                .extract().path("checkId");
        assertEquals(1, GatewayFixtures.count(dataSource,
                "SELECT count(*) FROM award_check_result WHERE check_id = ? AND outcome = 'FAIL'", UUID.fromString(checkId)));

        given().header("Authorization", bearer(GOV_CLERK)).contentType("application/json")
                .body(Map.of("programme", "x", "residentIds", List.of(first, "330281")))
                .post("/api/v1/award-checks/households").then().statusCode(400)
                .body("errors.field", contains("residentIds[1]"));
        for (String user : List.of(LOAN_OFFICER, CREDIT_ADMIN, OFFICIAL_LINSHAN)) {
            given().header("Authorization", bearer(user)).contentType("application/json")
                    .body(Map.of("programme", "x", "residentIds", List.of(first)))
                    .post("/api/v1/award-checks/households").then().statusCode(403);
        }
    }

    @Test
    void firmsPassThroughToTheArchiveWithTheCallersOwnTokenAndAnOutageIsA503() {
        sme.answer(200, "{\"checkId\":\"c1\",\"passed\":1}");
        given().header("Authorization", bearer(GOV_CLERK)).contentType("application/json")
                .body(Map.of("programme", "守合同重信用", "codes", List.of(TestData.creditCode())))
                .post("/api/v1/award-checks/firms").then().statusCode(200).body("passed", equalTo(1));
        assertEquals("/api/v1/award-checks", sme.lastPath);
        assertEquals(bearer(GOV_CLERK), sme.lastAuthorization);

        sme.answer(400, "{\"status\":400,\"title\":\"Invalid\"}");
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/no-loan-list?division=330281&pageSize=10")
                .then().statusCode(400).body("title", equalTo("Invalid"));
        sme.answer(200, "{\"items\":[],\"total\":0}");
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/no-loan-list?division=330281")
                .then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("uscc", TestData.creditCode(), "amount", 100000)).post("/api/v1/financing-reports")
                .then().statusCode(200);
        for (String user : List.of(GOV_CLERK, AUDITOR)) {
            given().header("Authorization", bearer(user)).get("/api/v1/no-loan-list").then().statusCode(403);
        }
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json").body("{}")
                .post("/api/v1/award-checks/firms").then().statusCode(403);

        sme.close();
        try {
            given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/no-loan-list")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            restartSme();
        }
    }

    @Test
    void aFirmReportUnderTheFirmsConsentIsIncompleteWhenTheArchiveFails() throws Exception {
        String uscc = TestData.creditCode();
        String consent = given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("subjectType", "FIRM", "subjectId", uscc, "purpose", "GUARANTEE_REVIEW",
                        "signedOn", TODAY.minusDays(2).toString(), "expiresOn", TODAY.plusDays(60).toString(),
                        "letterSha256", TestData.letterHash()))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        sme.answer(200, "{\"uscc\":\"" + uscc + "\",\"name\":\"临山农机合作社\",\"grade\":\"A\"}");
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW")).post("/api/v1/reports/firms")
                .then().statusCode(200).body("complete", equalTo(true))
                .body("enterprise.data.name", equalTo("临山农机合作社"))
                .body("queries.data[0].institution", equalTo("YYRCB"));
        assertEquals("/api/v1/enterprises/" + uscc, sme.lastPath);
        // read with the gateway's own service token, not the lender's: lenders have no direct read of firm records
        String claims = sme.lastTokenClaims();
        assertTrue(claims.contains("\"service-account-gateway\"") && claims.contains("internal-reader"), claims);

        sme.answer(404, "{\"status\":404}");
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW")).post("/api/v1/reports/firms")
                .then().statusCode(200).body("complete", equalTo(true)).body("enterprise.status", equalTo("NOT_FOUND"));

        sme.answer(500, "{}");
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW")).post("/api/v1/reports/firms")
                .then().statusCode(200).body("complete", equalTo(false)).body("missing", contains("enterprise"))
                .body("enterprise.detail", containsString("500"));
        // a household consent is not a firm's
        String household = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("consentId", household, "purpose", "GUARANTEE_REVIEW")).post("/api/v1/reports/firms")
                .then().statusCode(403).body("type", equalTo("urn:ruralcredit:problem:consent-subject-mismatch"));
    }

    private static void restartSme() {
        try {
            sme = new SourceStub(18994);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLenderSeesAVillagesCreditHouseholdsMaskedAndAnIncompleteListWhenRatingsFail() {
        registry.answer(200, """
                [{"id":"%s","headName":"王建国","headResidentId":"330281********1234"},
                 {"id":"%s","headName":"李秀英","headResidentId":"330281********2345"}]"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()));
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/campaigns/villages/330281100202")
                .then().statusCode(200)
                .body("complete", equalTo(true))
                .body("households", equalTo(2))
                .body("creditHouseholds.headName", contains("王**", "李**"))
                .body("creditHouseholds[0].grade", equalTo("AA"))
                .body("creditHouseholds[0].offer.status", equalTo("AVAILABLE"))
                .body("creditHouseholds[0].offer.data[0].institution", equalTo("YYRCB"));
        assertEquals("/internal/v1/households/in-village/330281100202", registry.lastPath);

        rating.answerAt(SourceStub.OFFERS, 503, "{}");
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/campaigns/villages/330281100202")
                .then().statusCode(200).body("complete", equalTo(false)).body("missing", contains("offers"))
                .body("creditHouseholds[1].offer.status", equalTo("UNAVAILABLE"));
        rating.answer(503, "{}");
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/campaigns/villages/330281100202")
                .then().statusCode(200).body("complete", equalTo(false)).body("missing", contains("ratings"));
        registry.answer(503, "{}");
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/campaigns/villages/330281100202")
                .then().statusCode(200).body("complete", equalTo(false)).body("missing", contains("households"));

        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/campaigns/villages/3302").then().statusCode(400);
        for (String user : List.of(OFFICIAL_LINSHAN, GOV_CLERK, AUDITOR, CREDIT_ADMIN)) {
            given().header("Authorization", bearer(user)).get("/api/v1/campaigns/villages/330281100202").then().statusCode(403);
        }
    }
}

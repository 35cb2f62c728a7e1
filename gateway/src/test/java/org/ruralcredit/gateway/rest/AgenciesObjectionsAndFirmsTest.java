package org.ruralcredit.gateway.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.ruralcredit.creditline.HouseholdFinances;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.gateway.config.SettableClock;
import org.ruralcredit.gateway.messaging.ReportModelProgress;

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
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;

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
    PersonalDataCipher cipher;

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

    private static ValidatableResponse raise(
            String user, String kind, String subjectType, String subjectId, String section) {
        return given().header("Authorization", bearer(user))
                .contentType("application/json")
                .body(Map.of(
                        "kind",
                        kind,
                        "subjectType",
                        subjectType,
                        "subjectId",
                        subjectId,
                        "section",
                        section,
                        "text",
                        "评级未计入我户新增的大棚面积"))
                .post("/api/v1/objections")
                .then();
    }

    @Test
    void anObjectionGoesToTheOwningServicesQueueIsFlaggedWhenOverdueAndItsOutcomeShowsOnTheReport() {
        String rid = TestData.residentId();
        String id = raise(OFFICIAL_LINSHAN, "OBJECTION", "HOUSEHOLD", rid, "rating")
                .statusCode(201)
                .body("owningService", equalTo("credit-rating"))
                .body("statement.status", equalTo("OPEN"))
                .body("statement.answerDueOn", equalTo(TODAY.plusDays(20).toString()))
                .extract()
                .path("statement.id");
        raise(OFFICIAL_LINSHAN, "STATEMENT", "HOUSEHOLD", rid, "loans")
                .statusCode(201)
                .body("statement.status", equalTo("RECORDED"));

        clock.set(SettableClock.WEDNESDAY_10_SHANGHAI.plus(Duration.ofDays(21)));
        try {
            List<Map<String, Object>> queue = given().header("Authorization", bearer(CREDIT_ADMIN))
                    .get("/api/v1/objections/queue?service=credit-rating")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("findAll { it.statement.id == '" + id + "' }");
            assertEquals(1, queue.size());
            assertEquals(true, ((Map<?, ?>) queue.get(0).get("statement")).get("overdue"));
        } finally {
            clock.reset();
        }
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/objections/queue?service=nowhere")
                .then()
                .statusCode(400);

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of("outcome", "UPHELD", "answer", "已重评"))
                .post("/api/v1/objections/" + id + "/answer")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(Map.of("outcome", "UPHELD", "answer", "已按新增大棚重新评定"))
                .post("/api/v1/objections/" + id + "/answer")
                .then()
                .statusCode(200)
                .body("statement.status", equalTo("ANSWERED"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(Map.of("outcome", "REJECTED", "answer", "again"))
                .post("/api/v1/objections/" + id + "/answer")
                .then()
                .statusCode(409);

        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(200)
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
        raise(OFFICIAL_LINSHAN, "OBJECTION", "FIRM", TestData.creditCode(), "enterprise")
                .statusCode(403);
        raise(CREDIT_ADMIN, "OBJECTION", "FIRM", TestData.creditCode(), "enterprise")
                .statusCode(201)
                .body("owningService", equalTo("sme-archive"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of(
                        "kind", "OBJECTION", "subjectType", "HOUSEHOLD", "subjectId", "123", "section", "enterprise"))
                .post("/api/v1/objections")
                .then()
                .statusCode(400)
                // every bad field in one answer, in the platform's order (by field)
                .body("errors.field", contains("section", "subjectId", "text"));
        for (String user : List.of(LOAN_OFFICER, OFFICIAL_LINSHAN, AUDITOR)) {
            given().header("Authorization", bearer(user))
                    .get("/api/v1/objections/queue?service=credit-rating")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void aHouseholdsOfficialSeesWhoQueriedIt() {
        String rid = TestData.residentId();
        String consent = recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(200);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of("residentId", rid))
                .post("/api/v1/query-register/household-view")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].institution", equalTo("YYRCB"))
                .body("[0].username", equalTo("loan-officer"))
                .body("[0].outcome", equalTo("GRANTED"));
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType("application/json")
                .body(Map.of("residentId", rid))
                .post("/api/v1/query-register/household-view")
                .then()
                .statusCode(404);
        for (String user : List.of(LOAN_OFFICER, AUDITOR, CLERK_LINSHAN)) {
            given().header("Authorization", bearer(user))
                    .contentType("application/json")
                    .body(Map.of("residentId", rid))
                    .post("/api/v1/query-register/household-view")
                    .then()
                    .statusCode(403);
        }
        registry.answer(503, "{}");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of("residentId", rid))
                .post("/api/v1/query-register/household-view")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void agenciesCheckHouseholdsForTheAwardWithReasonCategoriesOnlyAndTheCheckIsLogged() throws Exception {
        String first = TestData.residentId();
        String body = given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of("programme", "文明诚信家庭 2026", "residentIds", List.of(first)))
                .post("/api/v1/award-checks/households")
                .then()
                .statusCode(201)
                .header("Location", Matchers.containsString("/api/v1/award-checks/households/"))
                .body("passed", equalTo(1))
                .body("results[0].outcome", equalTo("PASS"))
                .body("results[0].subject", equalTo(first.substring(0, 6) + "********" + first.substring(14)))
                .extract()
                .asString();
        assertTrue(
                !body.contains("\"AA\"") && !body.contains(":84") && !body.contains("grade"),
                "no grade or points leave: " + body);

        morality.answer(200, SourceStub.moralProfile(HOUSEHOLD, 60, true));
        String checkId = given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of("programme", "文明诚信家庭 2026", "residentIds", List.of(first)))
                .post("/api/v1/award-checks/households")
                .then()
                .statusCode(201)
                .body("results[0].outcome", equalTo("FAIL"))
                .body("results[0].reasons", contains("MORAL_VETO", "MORAL_POINTS_BELOW_THRESHOLD"))
                .extract()
                .path("checkId");
        assertEquals(
                1,
                GatewayFixtures.count(
                        dataSource,
                        "SELECT count(*) FROM award_check_result WHERE check_id = ? AND outcome = 'FAIL'",
                        UUID.fromString(checkId)));

        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of("programme", "x", "residentIds", List.of(first, "330281")))
                .post("/api/v1/award-checks/households")
                .then()
                .statusCode(400)
                .body("errors.field", contains("residentIds[1]"));
        for (String user : List.of(LOAN_OFFICER, CREDIT_ADMIN, OFFICIAL_LINSHAN)) {
            given().header("Authorization", bearer(user))
                    .contentType("application/json")
                    .body(Map.of("programme", "x", "residentIds", List.of(first)))
                    .post("/api/v1/award-checks/households")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void firmsPassThroughToTheArchiveWithTheCallersOwnTokenAndAnOutageIsA503() {
        sme.answer(200, "{\"checkId\":\"c1\",\"passed\":1}");
        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of("programme", "守合同重信用", "codes", List.of(TestData.creditCode())))
                .post("/api/v1/award-checks/firms")
                .then()
                .statusCode(200)
                .body("passed", equalTo(1));
        assertEquals("/api/v1/award-checks", sme.lastPath);
        assertEquals(bearer(GOV_CLERK), sme.lastAuthorization);

        sme.answer(400, "{\"status\":400,\"title\":\"Invalid\"}");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/no-loan-list?division=330281&pageSize=10")
                .then()
                .statusCode(400)
                .body("title", equalTo("Invalid"));
        sme.answer(200, "{\"items\":[],\"total\":0}");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/no-loan-list?division=330281")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("uscc", TestData.creditCode(), "amount", 100000))
                .post("/api/v1/financing-reports")
                .then()
                .statusCode(200);
        for (String user : List.of(GOV_CLERK, AUDITOR)) {
            given().header("Authorization", bearer(user))
                    .get("/api/v1/no-loan-list")
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/award-checks/firms")
                .then()
                .statusCode(403);

        sme.close();
        try {
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .get("/api/v1/no-loan-list")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            restartSme();
        }
    }

    @Test
    void aFirmReportUnderTheFirmsConsentIsIncompleteWhenTheArchiveFails() throws Exception {
        String uscc = TestData.creditCode();
        String consent = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "FIRM",
                        "subjectId",
                        uscc,
                        "purpose",
                        "GUARANTEE_REVIEW",
                        "signedOn",
                        TODAY.minusDays(2).toString(),
                        "expiresOn",
                        TODAY.plusDays(60).toString(),
                        "letterSha256",
                        TestData.letterHash()))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        sme.answer(200, "{\"uscc\":\"" + uscc + "\",\"name\":\"临山农机合作社\",\"grade\":\"A\"}");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post("/api/v1/reports/firms")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("enterprise.data.name", equalTo("临山农机合作社"))
                .body("queries.data[0].institution", equalTo("YYRCB"));
        assertEquals("/api/v1/enterprises/" + uscc, sme.lastPath);
        // read with the gateway's own service token, not the lender's: lenders have no direct read of firm records
        String claims = sme.lastTokenClaims();
        assertTrue(claims.contains("\"service-account-gateway\"") && claims.contains("internal-reader"), claims);

        sme.answer(404, "{\"status\":404}");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post("/api/v1/reports/firms")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("enterprise.status", equalTo("NOT_FOUND"));

        sme.answer(500, "{}");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post("/api/v1/reports/firms")
                .then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("enterprise"))
                .body("enterprise.detail", containsString("500"));
        // a household consent is not a firm's
        String household = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", household, "purpose", "GUARANTEE_REVIEW"))
                .post("/api/v1/reports/firms")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:ruralcredit:problem:consent-subject-mismatch"));
    }

    private static void restartSme() {
        try {
            sme = new SourceStub(18994);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    ReportModelProgress progress;

    /** A village of Linshan's township no other test announces households in. */
    private static final AtomicInteger VILLAGES = new AtomicInteger(300 + new Random().nextInt(500));

    /** The AA household's finances: 600,000 assets, 170,000 business income, 140,000 net. */
    private static final HouseholdFinances AA_FINANCES = new HouseholdFinances(
            CreditGrade.AA, new BigDecimal("600000"), new BigDecimal("170000"), new BigDecimal("140000"));

    /**
     * Announces a fresh village as the registry and credit-rating would: the first household a credit
     * household (AA, with finances), the second rated but not a credit household, the third not
     * rated; and YYRCB's policy harvest (version 2) as its only one. Returns the village's code.
     */
    private String announceVillage(UUID credit, UUID notCredit, UUID notRated) {
        String village = "330281100" + VILLAGES.getAndIncrement();
        ReportFeed feed = new ReportFeed(dataSource);
        feed.forgetPolicies(progress, "YYRCB");
        EventEnvelope<LenderPolicyRegistered> policy = ReportFeed.policyEvent(ReportFeed.policy("YYRCB", "harvest", 2));
        UUID aa = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        EventEnvelope<?> creditRated = ReportFeed.event(
                EventCatalog.HOUSEHOLD_RATED,
                credit,
                ReportFeed.rating(
                        credit, village, aa, "AA", true, 86, "FINAL", Instant.parse("2026-10-01T02:00:00Z"), null, aa));
        EventEnvelope<?> notCreditRated = ReportFeed.event(
                EventCatalog.HOUSEHOLD_RATED,
                notCredit,
                ReportFeed.rating(
                        notCredit,
                        village,
                        none,
                        "NONE",
                        false,
                        40,
                        "FINAL",
                        Instant.parse("2026-10-01T02:00:00Z"),
                        null,
                        none));
        ReportFeed.send(
                policy,
                ReportFeed.event(
                        EventCatalog.HOUSEHOLD_CHANGED,
                        credit,
                        ReportFeed.fileWithFinances(
                                credit, hash(TestData.residentId()), village, 600_000, 170_000, 140_000)),
                ReportFeed.event(
                        EventCatalog.HOUSEHOLD_CHANGED,
                        notCredit,
                        ReportFeed.fileWithFinances(notCredit, hash(TestData.residentId()), village, 10_000, 0, 5_000)),
                ReportFeed.event(
                        EventCatalog.HOUSEHOLD_CHANGED,
                        notRated,
                        ReportFeed.fileWithFinances(notRated, hash(TestData.residentId()), village, 0, 0, 0)),
                creditRated,
                notCreditRated);
        feed.awaitPolicyEvent(policy);
        feed.awaitFile(credit, 1);
        feed.awaitFile(notCredit, 1);
        feed.awaitFile(notRated, 1);
        feed.awaitRatingEvent(credit, creditRated.eventId());
        feed.awaitRatingEvent(notCredit, notCreditRated.eventId());
        return village;
    }

    private String hash(String rid) {
        return cipher.lookupHash("resident-id", rid);
    }

    private Map<String, Object> registerEntry(long seq) throws Exception {
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement(
                        "SELECT username, institution, subject_type, subject_ref, purpose, consent_id, outcome, reason"
                                + " FROM query_register WHERE seq = ?")) {
            st.setLong(1, seq);
            try (var rs = st.executeQuery()) {
                assertTrue(rs.next(), "no register entry " + seq);
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= 8; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    private long lastSeq() throws Exception {
        try (var c = dataSource.getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM query_register")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every key of a JSON document at any depth, lower-cased. */
    private static Set<String> keysAtAnyDepth(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                keys.add(e.getKey().toLowerCase(Locale.ROOT));
                keys.addAll(keysAtAnyDepth(e.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(v -> keys.addAll(keysAtAnyDepth(v)));
        }
        return keys;
    }

    @Test
    void aVillageListHoldsMaskedIdentitiesGradesAndLinesButNoFinances() throws Exception {
        UUID credit = UUID.randomUUID();
        UUID notCredit = UUID.randomUUID();
        UUID notRated = UUID.randomUUID();
        String village = announceVillage(credit, notCredit, notRated);
        registry.lastPath = null;
        rating.lastPath = null;
        // the line and rate credit-rating's calculator gives the household under YYRCB's policy
        CreditLineOffer expected = new CreditLineCalculator().offer(ReportFeed.policyTerms("harvest", 2), AA_FINANCES);
        String body = given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/campaigns/villages/" + village)
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("institution", equalTo("YYRCB"))
                .body("households", equalTo(3))
                .body("notRated", equalTo(1))
                .body("creditHouseholds", Matchers.hasSize(1))
                .body("creditHouseholds[0].householdId", equalTo(credit.toString()))
                .body("creditHouseholds[0].headName", equalTo("王**"))
                .body("creditHouseholds[0].headResidentId", equalTo("330281********1234"))
                .body("creditHouseholds[0].grade", equalTo("AA"))
                .body("creditHouseholds[0].creditHousehold", equalTo(true))
                .body("creditHouseholds[0].offers.institution", Matchers.everyItem(equalTo("YYRCB")))
                .extract()
                .asString();
        // harvest's line (credit-rating's own test fixtures on the shared broker may add other YYRCB policies)
        JsonNode line = null;
        for (JsonNode each : new ObjectMapper().readTree(body).at("/creditHouseholds/0/offers")) {
            if (each.path("policyId").asText().equals("harvest")) {
                line = each;
            }
        }
        assertTrue(line != null, body);
        assertEquals(2, line.path("policyVersion").asInt(), body);
        assertEquals(0, expected.creditLine().compareTo(line.path("creditLine").decimalValue()), body);
        assertEquals(
                0,
                expected.annualRate()
                        .orElseThrow()
                        .compareTo(line.path("annualRate").decimalValue()),
                body);
        Set<String> keys = keysAtAnyDepth(new ObjectMapper().readTree(body));
        for (String key : keys) {
            for (String word : List.of("asset", "income", "debt", "finance", "steps")) {
                assertTrue(!key.contains(word), "the list carries " + key + ": " + body);
            }
        }
        // the list is the read model's: no service is asked, neither for households nor for offers
        assertEquals(null, registry.lastPath);
        assertEquals(null, rating.lastPath);
    }

    @Test
    void eachListTakenIsRegisteredNamingTheVillage() throws Exception {
        long first = ((Number) given().header("Authorization", bearer(LOAN_OFFICER))
                        .get("/api/v1/campaigns/villages/330281100202")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("registerEntry"))
                .longValue();
        Map<String, Object> entry = registerEntry(first);
        assertEquals("loan-officer", entry.get("username"));
        assertEquals("YYRCB", entry.get("institution"));
        assertEquals("VILLAGE", entry.get("subject_type"));
        assertEquals("330281100202", entry.get("subject_ref"));
        assertEquals("MARKETING_LIST", entry.get("purpose"));
        assertEquals("GRANTED", entry.get("outcome"));
        long second = ((Number) given().header("Authorization", bearer(LOAN_OFFICER))
                        .get("/api/v1/campaigns/villages/330281100202")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("registerEntry"))
                .longValue();
        assertTrue(second > first, first + " then " + second);
        assertEquals("330281100202", registerEntry(second).get("subject_ref"));
        // the chain still verifies with list entries in it
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void aSharedCounterIsRefusedTheListAndTheRefusalIsRegistered() throws Exception {
        long before = lastSeq();
        given().header("Authorization", bearer(SHARED_COUNTER))
                .get("/api/v1/campaigns/villages/330281100202")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("campaign.account-not-personal"))
                .body("detail", containsString("query register"))
                .body("$", Matchers.not(Matchers.hasKey("creditHouseholds")));
        long after = lastSeq();
        assertEquals(before + 1, after);
        Map<String, Object> entry = registerEntry(after);
        assertEquals("shared-counter", entry.get("username"));
        assertEquals("VILLAGE", entry.get("subject_type"));
        assertEquals("330281100202", entry.get("subject_ref"));
        assertEquals("REFUSED", entry.get("outcome"));
        assertTrue(((String) entry.get("reason")).startsWith("account-not-personal: "), entry.toString());
        given().header("Authorization", bearer(SHARED_COUNTER))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/campaigns/villages/330281100202")
                .then()
                .statusCode(403)
                .body("detail", containsString("查询登记簿"));
    }

    @Test
    void aVillageWithoutFilesIsAnEmptyListAndOtherRolesAreRefused() {
        // once the model has read every announcement, a village with no file is empty, not incomplete
        ReportFeed.awaitCaughtUp(progress);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/campaigns/villages/330281199999")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("households", equalTo(0))
                .body("creditHouseholds", Matchers.hasSize(0));

        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/campaigns/villages/3302")
                .then()
                .statusCode(400);
        for (String user : List.of(OFFICIAL_LINSHAN, GOV_CLERK, AUDITOR, CREDIT_ADMIN)) {
            given().header("Authorization", bearer(user))
                    .get("/api/v1/campaigns/villages/330281100202")
                    .then()
                    .statusCode(403);
        }
    }
}

package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.gateway.config.SettableClock;
import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.messaging.ReportModelProgress;
import org.ruralcredit.gateway.service.ReportRequestService;
import org.ruralcredit.gateway.service.ReportRequestService.Asker;
import org.ruralcredit.gateway.service.ReportRequestService.Decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.gateway.rest.GatewayFixtures.lastEntryFor;
import static org.ruralcredit.gateway.rest.GatewayFixtures.recordConsent;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

/** Every query rule, allowed and refused, with the register entry checked after each request. */
@QuarkusTest
class ReportRequestTest {

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SettableClock clock;

    @Inject
    ReportModelProgress progress;

    @Inject
    ReportRequestService requests;

    private static ValidatableResponse ask(String user, String consentId, String purpose) {
        return given().header("Authorization", bearer(user))
                .contentType("application/json")
                .body(Map.of("consentId", consentId, "purpose", purpose))
                .post("/api/v1/reports/households")
                .then();
    }

    private void assertRefusedAndRegistered(ValidatableResponse response, String code, String consentId, String user)
            throws Exception {
        response.statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:" + code))
                .body("detail", containsString("query register"));
        assertLastEntryRefused(code, consentId, user);
    }

    private void assertLastEntryRefused(String code, String consentId, String user) throws Exception {
        Map<String, String> entry = lastEntryFor(dataSource, consentId);
        assertEquals("REFUSED", entry.get("outcome"), entry.toString());
        assertTrue(entry.get("reason").startsWith(code + ": "), entry.toString());
        assertEquals(user, entry.get("username"));
    }

    @Test
    void aLoanApplicationConsentGivesOneRegisteredQueryWithAnHonestReport() throws Exception {
        // a head the read model never heard of (see ReportAggregationTest for announced ones)
        ReportFeed.awaitCaughtUp(progress);
        String rid = TestData.residentId();
        String consent = recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION");

        ask(LOAN_OFFICER, consent, "LOAN_APPLICATION")
                .statusCode(200)
                .body("subject", equalTo(rid.substring(0, 6) + "********" + rid.substring(14)))
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("identity.status", equalTo("NOT_FOUND"))
                .body("offer.status", equalTo("NOT_FOUND"))
                .body("loans.status", equalTo("AVAILABLE"))
                .body("queries.data.size()", equalTo(1));
        Map<String, String> entry = lastEntryFor(dataSource, consent);
        assertEquals("GRANTED", entry.get("outcome"));
        assertEquals("YYRCB", entry.get("institution"));
        assertEquals(cipher.lookupHash("resident-id", rid), entry.get("subject_ref"), "keyed hash, never the ID");

        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, consent, "LOAN_APPLICATION"), "consent-used", consent, LOAN_OFFICER);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents/" + consent)
                .then()
                .body("status", equalTo("USED"));
    }

    @Test
    void aRefusalComesWithItsCodeAndValuesInTheCallersLanguage() throws Exception {
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "LOAN_APPLICATION");
        ask(LOAN_OFFICER, consent, "LOAN_APPLICATION").statusCode(200);

        long entry = given().header("Authorization", bearer(LOAN_OFFICER))
                .header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "LOAN_APPLICATION"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(403)
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("urn:ruralcredit:problem:consent-used"))
                .body("code", equalTo("query.consent-used"))
                .body("title", equalTo("查询被拒绝"))
                .body("detail", Matchers.startsWith("该授权已使用，每份贷款申请授权只能查询一次。"))
                .body("detail", containsString("查询登记簿"))
                .extract()
                .jsonPath()
                .getLong("args.entry");
        assertEquals(
                1,
                GatewayFixtures.count(
                        dataSource,
                        "SELECT count(*) FROM query_register WHERE seq = ? "
                                + "AND consent_id = ? AND outcome = 'REFUSED'",
                        entry,
                        UUID.fromString(consent)));

        ask(LOAN_OFFICER, consent, "LOAN_APPLICATION")
                .statusCode(403)
                .body("code", equalTo("query.consent-used"))
                .body("title", equalTo("Query refused"))
                .body(
                        "detail",
                        Matchers.startsWith(
                                "The loan-application consent was already used for a query; one consent, one query. "
                                        + "The refused request is in the query register as entry "));
    }

    @Test
    void aQueryParameterThatCannotBeReadIsNamed() {
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("page", "abc")
                .get("/api/v1/query-register")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].code", equalTo("param.unreadable"))
                .body("errors[0].args.value", equalTo("abc"));
    }

    @Test
    void sharedAccountsAreRefusedAndRegistered() throws Exception {
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        assertRefusedAndRegistered(
                ask(SHARED_COUNTER, consent, "GUARANTEE_REVIEW"), "account-not-personal", consent, SHARED_COUNTER);
    }

    @Test
    void aConsentSignedAfterTodayIsNotYetValidAndTheAttemptIsRegistered() throws Exception {
        String consent = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        TestData.residentId(),
                        "purpose",
                        "GUARANTEE_REVIEW",
                        "signedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusDays(30).toString(),
                        "letterSha256",
                        TestData.letterHash()))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        clock.set(Instant.parse("2026-11-17T02:00:00Z")); // the day before, Tuesday 10:00 in Shanghai
        try {
            assertRefusedAndRegistered(
                    ask(LOAN_OFFICER, consent, "GUARANTEE_REVIEW"), "consent-not-yet-valid", consent, LOAN_OFFICER);
        } finally {
            clock.reset();
        }
        ask(LOAN_OFFICER, consent, "GUARANTEE_REVIEW").statusCode(200);
    }

    @Test
    void aServiceAccountsTokenGetsNoReport() throws Exception {
        // The realm gives no service account the lender role, so the gateway's enforcer stops the
        // token before the query rules: 403 problem+json, and no data.
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        // Should a service account ever hold the role, the rules refuse it by its Keycloak name alone
        // (no account_type claim needed) and the attempt is registered like any other.
        Decision d = requests.decide(
                Asker.fromToken("service-account-gateway", "YYRCB", null),
                UUID.fromString(consent),
                ConsentPurpose.GUARANTEE_REVIEW,
                SubjectType.HOUSEHOLD);
        assertEquals("account-not-personal", d.refusal().orElseThrow().slug());
        assertLastEntryRefused("account-not-personal", consent, "service-account-gateway");
        assertEquals(
                0,
                GatewayFixtures.count(
                        dataSource,
                        "SELECT count(*) FROM query_register WHERE consent_id = ? AND outcome = 'GRANTED'",
                        UUID.fromString(consent)));
    }

    @Test
    void anAccountWithoutAnInstitutionIsRefusedAndRegistered() throws Exception {
        // Every demo lender carries an institution, so the rule is exercised below the token: the
        // same decision and register write the resource makes.
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        Decision d = requests.decide(
                Asker.fromToken("lender-without-institution", null, null),
                UUID.fromString(consent),
                ConsentPurpose.GUARANTEE_REVIEW,
                SubjectType.HOUSEHOLD);
        assertEquals("no-institution", d.refusal().orElseThrow().slug());
        assertEquals(
                d.registerSeq(),
                GatewayFixtures.count(
                        dataSource,
                        "SELECT max(seq) FROM query_register WHERE consent_id = ?",
                        UUID.fromString(consent)));
        assertLastEntryRefused("no-institution", consent, "lender-without-institution");
        // the consent is untouched: the institution's own officer still gets the report
        ask(LOAN_OFFICER, consent, "GUARANTEE_REVIEW").statusCode(200);
    }

    @Test
    void anUnknownConsentIsRefusedAndRegisteredWithoutASubject() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, unknown, "LOAN_APPLICATION"), "consent-missing", unknown, LOAN_OFFICER);
        assertEquals("UNKNOWN", lastEntryFor(dataSource, unknown).get("subject_ref"));
    }

    @Test
    void anotherInstitutionsConsentIsRefused() throws Exception {
        String rid = TestData.residentId();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                INSERT INTO consent (id, subject_type, subject_id_enc, subject_hash, institution, purpose, signed_on,
                                     expires_on, letter_sha256, recorded_by, recorded_at)
                VALUES (?, 'HOUSEHOLD', ?, ?, 'NBBANK', 'LOAN_APPLICATION', ?, ?, ?, 'nb-officer', ?)""")) {
            s.setObject(1, id);
            s.setBytes(2, cipher.encrypt(rid));
            s.setString(3, cipher.lookupHash("resident-id", rid));
            s.setObject(4, TODAY.minusDays(1));
            s.setObject(5, TODAY.plusDays(30));
            s.setString(6, "ab".repeat(32));
            s.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, id.toString(), "LOAN_APPLICATION"),
                "consent-of-another-institution",
                id.toString(),
                LOAN_OFFICER);
        // The other institution's consent is not spent by the refused attempt.
        assertEquals(
                1,
                GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent WHERE id = ? AND used_at IS NULL", id));
    }

    @Test
    void expiredRevokedAndMismatchedConsentsAreRefused() throws Exception {
        String expired = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        TestData.residentId(),
                        "purpose",
                        "GUARANTEE_REVIEW",
                        "signedOn",
                        TODAY.minusDays(60).toString(),
                        "expiresOn",
                        TODAY.minusDays(1).toString(),
                        "letterSha256",
                        TestData.letterHash()))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, expired, "GUARANTEE_REVIEW"), "consent-expired", expired, LOAN_OFFICER);

        String revoked = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .post("/api/v1/consents/" + revoked + "/revocation")
                .then()
                .statusCode(200);
        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, revoked, "GUARANTEE_REVIEW"), "consent-revoked", revoked, LOAN_OFFICER);

        String guarantee = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, guarantee, "LOAN_APPLICATION"), "purpose-mismatch", guarantee, LOAN_OFFICER);
        // A guarantee-review consent is not single-use.
        ask(LOAN_OFFICER, guarantee, "GUARANTEE_REVIEW").statusCode(200);
        ask(LOAN_OFFICER, guarantee, "GUARANTEE_REVIEW").statusCode(200);
    }

    @Test
    void postLoanQueriesFollowTheLendersActiveLoans() throws Exception {
        String rid = TestData.residentId();
        String consent = recordConsent(LOAN_OFFICER, rid, "POST_LOAN_MANAGEMENT");
        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, consent, "POST_LOAN_MANAGEMENT"), "no-active-loan", consent, LOAN_OFFICER);

        String loanRef = TestData.loanRef();
        GatewayFixtures.queriedBeforeLending(rid);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        rid,
                        "amount",
                        50000,
                        "startDate",
                        TODAY.minusMonths(2).toString(),
                        "termMonths",
                        12,
                        "purpose",
                        "种植"))
                .put("/api/v1/loans/" + loanRef)
                .then()
                .statusCode(201);
        ask(LOAN_OFFICER, consent, "POST_LOAN_MANAGEMENT").statusCode(200);
        assertEquals("GRANTED", lastEntryFor(dataSource, consent).get("outcome"));

        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/loans/" + loanRef + "/settlement")
                .then()
                .statusCode(200);
        assertRefusedAndRegistered(
                ask(LOAN_OFFICER, consent, "POST_LOAN_MANAGEMENT"), "no-active-loan", consent, LOAN_OFFICER);
    }

    @Test
    void outsideWorkingHoursIsRefusedAndRegistered() throws Exception {
        String consent = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        clock.set(Instant.parse("2026-11-18T11:30:00Z")); // Wednesday 19:30 in Shanghai
        try {
            assertRefusedAndRegistered(
                    ask(LOAN_OFFICER, consent, "GUARANTEE_REVIEW"), "outside-working-hours", consent, LOAN_OFFICER);
            clock.set(Instant.parse("2026-11-21T02:00:00Z")); // Saturday 10:00
            assertRefusedAndRegistered(
                    ask(LOAN_OFFICER, consent, "GUARANTEE_REVIEW"), "outside-working-hours", consent, LOAN_OFFICER);
        } finally {
            clock.reset();
        }
        ask(LOAN_OFFICER, consent, "GUARANTEE_REVIEW").statusCode(200);
    }

    @Test
    void aMalformedRequestNamesEveryBadFieldAndIsNotAQuery() throws Exception {
        long before = GatewayFixtures.count(dataSource, "SELECT count(*) FROM query_register");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/reports/households")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("consentId", "purpose"));
        assertEquals(before, GatewayFixtures.count(dataSource, "SELECT count(*) FROM query_register"));
    }

    @Test
    void onlyLendersAskForReports() {
        for (String user : new String[] {AUDITOR, OFFICIAL_LINSHAN}) {
            given().header("Authorization", bearer(user))
                    .contentType("application/json")
                    .body(Map.of("consentId", UUID.randomUUID().toString(), "purpose", "LOAN_APPLICATION"))
                    .post("/api/v1/reports/households")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void concurrentQueriesNeverForkTheChainAndSpendASingleUseConsentOnce() throws Exception {
        String guarantee = recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        String application = recordConsent(LOAN_OFFICER, TestData.residentId(), "LOAN_APPLICATION");
        String token = bearer(LOAN_OFFICER);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> guaranteeCalls = new ArrayList<>();
            List<Future<Integer>> applicationCalls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                guaranteeCalls.add(pool.submit(() -> status(token, guarantee, "GUARANTEE_REVIEW")));
                applicationCalls.add(pool.submit(() -> status(token, application, "LOAN_APPLICATION")));
            }
            for (Future<Integer> f : guaranteeCalls) {
                assertEquals(200, f.get());
            }
            long granted = 0;
            for (Future<Integer> f : applicationCalls) {
                granted += f.get() == 200 ? 1 : 0;
            }
            assertEquals(1, granted, "one consent, one query");
        } finally {
            pool.shutdown();
        }
        assertEquals(
                0,
                GatewayFixtures.count(dataSource, "SELECT count(*) - count(DISTINCT prev_hash) FROM query_register"),
                "no two entries share a predecessor");
        assertEquals(
                8,
                GatewayFixtures.count(
                        dataSource,
                        "SELECT count(*) FROM query_register WHERE consent_id = ?",
                        UUID.fromString(application)),
                "every attempt is registered, granted or refused");
        assertEquals(
                7,
                GatewayFixtures.count(
                        dataSource,
                        "SELECT count(*) FROM query_register WHERE consent_id = ? AND reason LIKE 'consent-used:%'",
                        UUID.fromString(application)));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    private static int status(String token, String consent, String purpose) {
        return given().header("Authorization", token)
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", purpose))
                .post("/api/v1/reports/households")
                .then()
                .extract()
                .statusCode();
    }
}

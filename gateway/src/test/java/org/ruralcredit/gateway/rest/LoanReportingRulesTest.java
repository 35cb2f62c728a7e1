package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.LOAN_SUPERVISOR;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Who may report a loan, for whom, and what a status must fit (征信业管理条例: providers answer for accuracy). */
@QuarkusTest
class LoanReportingRulesTest {

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    private static Map<String, Object> loan(String rid, LocalDate start) {
        return Map.of(
                "subjectType",
                "HOUSEHOLD",
                "subjectId",
                rid,
                "amount",
                "50000.00",
                "startDate",
                start.toString(),
                "termMonths",
                12,
                "purpose",
                "种植");
    }

    private long loans(String ref) throws Exception {
        return GatewayFixtures.count(dataSource, "SELECT count(*) FROM loan WHERE loan_ref = ?", ref);
    }

    @Test
    void aSharedCounterWritesNothingEvenForAQueriedBorrower() throws Exception {
        String rid = TestData.residentId();
        GatewayFixtures.queriedBeforeLending(rid);
        String ref = TestData.loanRef();
        given().header("Authorization", bearer(SHARED_COUNTER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusMonths(3)))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:account-not-personal"))
                .body("code", equalTo("loan.account-not-personal"));
        assertEquals(0, loans(ref));

        // nor changes a loan a named officer reported
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusMonths(3)))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
        given().header("Authorization", bearer(SHARED_COUNTER))
                .contentType("application/json")
                .body(Map.of("outstanding", "100", "overdueDays", 30, "maliciousDefault", true))
                .post("/api/v1/loans/" + ref + "/status")
                .then()
                .statusCode(403)
                .body("code", equalTo("loan.account-not-personal"));
        given().header("Authorization", bearer(SHARED_COUNTER))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/loans/" + ref + "/settlement")
                .then()
                .statusCode(403)
                .body("code", equalTo("loan.account-not-personal"));
        assertEquals(1, GatewayFixtures.count(dataSource, """
                SELECT count(*) FROM loan WHERE loan_ref = ? AND revision = 1 AND NOT settled AND NOT malicious_default""", ref));
        // it still reads the institution's loans
        given().header("Authorization", bearer(SHARED_COUNTER))
                .get("/api/v1/loans/" + ref)
                .then()
                .statusCode(200);
    }

    @Test
    void aLoanIsReportedOnlyForABorrowerTheInstitutionQueriedOrAlreadyLendsTo() throws Exception {
        String rid = TestData.residentId();
        String ref = TestData.loanRef();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusMonths(3)))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:loan-borrower-not-queried"));
        assertEquals(0, loans(ref));

        // a consent alone is no query
        GatewayFixtures.recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusMonths(3)))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(403);

        GatewayFixtures.queriedBeforeLending(rid);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusMonths(3)))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
        // a further loan to a borrower with an active loan (续贷) needs no new query; a second officer reports it
        String second = TestData.loanRef();
        given().header("Authorization", bearer(LOAN_SUPERVISOR))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusDays(3)))
                .put("/api/v1/loans/" + second)
                .then()
                .statusCode(201);
        assertEquals(
                2,
                GatewayFixtures.count(
                        dataSource, "SELECT count(*) FROM loan WHERE loan_ref IN (?, ?) AND admitted", ref, second));
    }

    @Test
    void overdueDaysCannotExceedTheLoansAgeNorTheClassFallBelowTheOverdueFloor() throws Exception {
        String rid = TestData.residentId();
        GatewayFixtures.queriedBeforeLending(rid);
        String ref = TestData.loanRef();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusDays(1)))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "50000", "overdueDays", 9999))
                .post("/api/v1/loans/" + ref + "/status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("overdueDays"))
                .body("errors.code", contains("loan.overdue-since-start"))
                .body("errors[0].args.days", equalTo(1));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/loans/" + ref)
                .then()
                .statusCode(200)
                .body("overdueDays", equalTo(0))
                .body("classification", equalTo("NORMAL"))
                .body("revision", equalTo(1));

        // 120 days overdue on a loan of eight months is possible, but never 正常
        String older = TestData.loanRef();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusMonths(8)))
                .put("/api/v1/loans/" + older)
                .then()
                .statusCode(201);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "50000", "overdueDays", 120, "classification", "NORMAL"))
                .post("/api/v1/loans/" + older + "/status")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("classification"));
    }

    @Test
    void onlyALoanReportedUnderTheRulesUnlocksPostLoanQueries() throws Exception {
        // a loan in the table that was not reported under the rules (as every loan before them)
        String rid = TestData.residentId();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                INSERT INTO loan (id, institution, loan_ref, subject_type, subject_id_enc, subject_hash, amount_fen,
                                  start_date, maturity_date, purpose, outstanding_fen, overdue_days, classification,
                                  settled, revision, reported_by, updated_at)
                VALUES (?, 'YYRCB', ?, 'HOUSEHOLD', ?, ?, 100000, ?, ?, '养殖', 100000, 0, 'NORMAL', false, 1, 'shared-counter', ?)""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, TestData.loanRef());
            s.setBytes(3, cipher.encrypt(rid));
            s.setString(4, cipher.lookupHash("resident-id", rid));
            s.setObject(5, TODAY.minusMonths(1));
            s.setObject(6, TODAY.plusMonths(11));
            s.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        String consent = GatewayFixtures.recordConsent(LOAN_OFFICER, rid, "POST_LOAN_MANAGEMENT");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "POST_LOAN_MANAGEMENT"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:ruralcredit:problem:no-active-loan"));
        // nor does it let the institution report a further loan without a query
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid, TODAY.minusDays(2)))
                .put("/api/v1/loans/" + TestData.loanRef())
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:ruralcredit:problem:loan-borrower-not-queried"));
    }
}

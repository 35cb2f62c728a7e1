package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class LoanResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    /** Eight months old: a status of 120 days overdue fits its history. */
    private static final LocalDate START = TODAY.minusMonths(8);

    private static Map<String, Object> loan(String rid) {
        return Map.of(
                "subjectType",
                "HOUSEHOLD",
                "subjectId",
                rid,
                "amount",
                "50000.00",
                "startDate",
                START.toString(),
                "termMonths",
                12,
                "purpose",
                "种植");
    }

    /** A borrower YYRCB queried before lending, so its loans may be reported. */
    private static String queriedBorrower() {
        String rid = TestData.residentId();
        GatewayFixtures.queriedBeforeLending(rid);
        return rid;
    }

    @Test
    void reportingStatusAndSettlementArePublishedWithTheBorrowerOnlyAsKeyedHash() throws Exception {
        String rid = queriedBorrower();
        String ref = TestData.loanRef();
        try (KafkaTail tail = KafkaTail.of("test.lending.loan.v1")) {
            String loanId = given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(loan(rid))
                    .put("/api/v1/loans/" + ref)
                    .then()
                    .statusCode(201)
                    .header("Location", Matchers.endsWith("/api/v1/loans/" + ref))
                    .body("subject", equalTo(rid.substring(0, 6) + "********" + rid.substring(14)))
                    .body("maturityDate", equalTo(START.plusMonths(12).toString()))
                    .body("classification", equalTo("NORMAL"))
                    .extract()
                    .path("id");
            // Repeating the same report changes nothing and publishes nothing.
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(loan(rid))
                    .put("/api/v1/loans/" + ref)
                    .then()
                    .statusCode(200)
                    .body("revision", equalTo(1));
            // Only overdue days: 120 days is substandard (次级), a non-performing loan.
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(Map.of("outstanding", "30000", "overdueDays", 120))
                    .post("/api/v1/loans/" + ref + "/status")
                    .then()
                    .statusCode(200)
                    .body("classification", equalTo("SUBSTANDARD"))
                    .body("classificationName", equalTo("次级"))
                    .body("nonPerforming", equalTo(true));
            // A given classification wins over the default mapping; 可疑 is adverse, so it waits for
            // approval and notice: the loan stays 次级 and nothing is published.
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(Map.of("outstanding", "30000", "overdueDays", 120, "classification", "可疑"))
                    .post("/api/v1/loans/" + ref + "/status")
                    .then()
                    .statusCode(200)
                    .body("classification", equalTo("SUBSTANDARD"))
                    .body("adverseReport.status", equalTo("PENDING"))
                    .body("adverseReport.classification", equalTo("DOUBTFUL"));
            // settled before it took effect, the adverse report lapses
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/v1/loans/" + ref + "/settlement")
                    .then()
                    .statusCode(200)
                    .body("settled", equalTo(true))
                    .body("outstanding", equalTo(0.0f))
                    .body("classification", equalTo("SUBSTANDARD"))
                    .body("adverseReport.status", equalTo("WITHDRAWN"))
                    .body("adverseReport.withdrawnReason", equalTo("SETTLED"));

            List<KafkaTail.Received> events =
                    tail.await(e -> e.aggregateId().equals(loanId), 4, Duration.ofSeconds(12));
            assertEquals(
                    3,
                    events.size(),
                    "reported, a status change, settled — the repeat and the pending adverse status published nothing");
            List<LoanChanged> data = events.stream()
                    .map(e -> e.event().dataAs(EventCatalog.LOAN_CHANGED))
                    .toList();
            assertEquals(
                    List.of("REPORTED", "STATUS", "SETTLED"),
                    data.stream().map(LoanChanged::cause).toList());
            assertEquals(
                    List.of(1, 2, 3), data.stream().map(LoanChanged::revision).toList());
            assertFalse(data.stream().anyMatch(d -> d.classification().equals("DOUBTFUL")));
            LoanChanged status = data.get(1);
            assertEquals(cipher.lookupHash("resident-id", rid), status.subjectHash());
            assertEquals("YYRCB", status.institution());
            assertEquals(5_000_000L, status.amountFen());
            assertEquals(3_000_000L, status.outstandingFen());
            assertEquals(120, status.overdueDays());
            assertTrue(status.nonPerforming());
            assertTrue(data.get(2).settled());
            assertEquals(loanId, events.get(0).key());
            assertFalse(events.stream().anyMatch(e -> e.event().toString().contains(rid)));
        }
    }

    @Test
    void aHouseholdLoanNamesItsHouseholdOnceTheRegistryHasAnswered() throws Exception {
        String rid = queriedBorrower();
        String ref = TestData.loanRef();
        UUID household = UUID.randomUUID();
        try (KafkaTail tail = KafkaTail.of("test.lending.loan.v1")) {
            // the registry does not answer: the loan is reported all the same, its household left open
            String loanId = given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(loan(rid))
                    .put("/api/v1/loans/" + ref)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            try (SourceStub registry = new SourceStub(18991)) {
                registry.answer(200, SourceStub.registryHousehold(household));
                given().header("Authorization", bearer(LOAN_OFFICER))
                        .contentType("application/json")
                        .body(Map.of("outstanding", "50000", "overdueDays", 40))
                        .post("/api/v1/loans/" + ref + "/status")
                        .then()
                        .statusCode(200);
                assertEquals("/internal/v1/households/by-head", registry.lastPath);
                assertTrue(registry.lastBody.contains(rid), "the registry is asked by the head's resident ID");
            }
            // found once, kept: the next report does not ask again (no registry runs now)
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(Map.of("outstanding", "45000", "overdueDays", 0))
                    .post("/api/v1/loans/" + ref + "/status")
                    .then()
                    .statusCode(200);

            List<LoanChanged> data = tail.await(e -> e.aggregateId().equals(loanId), 3, Duration.ofSeconds(12)).stream()
                    .map(e -> e.event().dataAs(EventCatalog.LOAN_CHANGED))
                    .toList();
            assertEquals(3, data.size());
            assertNull(data.get(0).householdId());
            assertEquals(household.toString(), data.get(1).householdId());
            assertEquals(household.toString(), data.get(2).householdId());
        }
    }

    @Test
    void theTermsLendersReportAreKeptAndPartOfTheLoansIdentity() {
        String ref = TestData.loanRef();
        Map<String, Object> terms = new HashMap<>(loan(queriedBorrower()));
        terms.putAll(Map.of("annualRate", "0.0435", "unsecured", true, "product", "丰收贷"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(terms)
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201)
                .body("annualRate", equalTo(0.0435f))
                .body("unsecured", equalTo(true))
                .body("product", equalTo("丰收贷"));
        // the same report again is a repeat (0.04350 is the same rate); another rate is other terms
        terms.put("annualRate", "0.04350");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(terms)
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(200)
                .body("revision", equalTo(1));
        terms.put("annualRate", "0.05");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(terms)
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(409);
    }

    @Test
    void changedTermsUnderTheSameNumberAreAConflict() {
        String ref = TestData.loanRef();
        String rid = queriedBorrower();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(rid))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
        Map<String, Object> other = new HashMap<>(loan(rid));
        other.put("amount", "60000");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(other)
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:loan-terms-differ"));
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() throws Exception {
        String ref = TestData.loanRef();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        "110105194912310021",
                        "amount",
                        "-5.001",
                        "startDate",
                        TODAY.plusDays(3).toString(),
                        "termMonths",
                        0,
                        "purpose",
                        " ",
                        "annualRate",
                        "0.48",
                        "product",
                        "<b>贷</b>"))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "subjectId", "amount", "startDate", "termMonths", "purpose", "annualRate", "product"));
        assertEquals(0, GatewayFixtures.count(dataSource, "SELECT count(*) FROM loan WHERE loan_ref = ?", ref));
    }

    @Test
    void aLenderOnlySeesAndChangesItsOwnInstitutionsLoans() throws Exception {
        String ref = TestData.loanRef();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                INSERT INTO loan (id, institution, loan_ref, subject_type, subject_id_enc, subject_hash, amount_fen,
                                  start_date, maturity_date, purpose, outstanding_fen, overdue_days, classification,
                                  settled, revision, reported_by, updated_at)
                VALUES (?, 'NBBANK', ?, 'HOUSEHOLD', ?, ?, 100000, ?, ?, '养殖', 100000, 0, 'NORMAL', false, 1, 'nb', ?)""")) {
            String rid = TestData.residentId();
            s.setObject(1, UUID.randomUUID());
            s.setString(2, ref);
            s.setBytes(3, cipher.encrypt(rid));
            s.setString(4, cipher.lookupHash("resident-id", rid));
            s.setObject(5, TODAY.minusMonths(1));
            s.setObject(6, TODAY.plusMonths(11));
            s.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/loans/" + ref)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "0", "overdueDays", 400))
                .post("/api/v1/loans/" + ref + "/status")
                .then()
                .statusCode(404);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/loans/" + ref + "/settlement")
                .then()
                .statusCode(404);
        assertEquals(
                1,
                GatewayFixtures.count(
                        dataSource,
                        "SELECT count(*) FROM loan WHERE loan_ref = ? AND overdue_days = 0 AND NOT settled",
                        ref));
    }

    @Test
    void aSettledLoanIsNotReopenedAndNoDateLiesBeforeItsStart() throws Exception {
        String ref = TestData.loanRef();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(loan(queriedBorrower()))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
        // settled before it started: refused, the loan stays open
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("settledOn", START.minusDays(1).toString()))
                .post("/api/v1/loans/" + ref + "/settlement")
                .then()
                .statusCode(400)
                .body("errors.field", contains("settledOn"))
                .body("errors.code", contains("loan.date-before-start"));
        assertEquals(
                1,
                GatewayFixtures.count(dataSource, "SELECT count(*) FROM loan WHERE loan_ref = ? AND NOT settled", ref));
        // Without a date: settled today.
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/loans/" + ref + "/settlement")
                .then()
                .statusCode(200)
                .body("settledOn", equalTo(TODAY.toString()));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "100", "overdueDays", 3))
                .post("/api/v1/loans/" + ref + "/status")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:loan-settled"));
        // nor by an adverse status, which would otherwise wait for approval
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "0", "overdueDays", 0, "maliciousDefault", true))
                .post("/api/v1/loans/" + ref + "/status")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:loan-settled"));
        assertEquals(0, GatewayFixtures.count(dataSource, """
                SELECT count(*) FROM loan_adverse_report r JOIN loan l ON l.id = r.loan_id WHERE l.loan_ref = ?""", ref));
    }

    @Test
    void onlyLendersReportLoans() {
        for (String user : new String[] {AUDITOR, OFFICIAL_LINSHAN}) {
            given().header("Authorization", bearer(user))
                    .get("/api/v1/loans/X-1")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}

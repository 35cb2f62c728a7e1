package org.ruralcredit.gateway.rest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.lending.LoanChanged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.LOAN_SUPERVISOR;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Adverse loan information (征信业管理条例 Art. 15): pending until a second officer approved it and
 * the borrower was told, suspended by an objection; the outbox's lending.loan.v1 carries it only
 * while it is in effect.
 */
@QuarkusTest
class AdverseLoanReportTest {

    /** The registry answers every head as a household of 临山镇 (official-linshan's township). */
    private static SourceStub registry;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = new SourceStub(18991);
        registry.answer(200, SourceStub.registryHousehold(UUID.randomUUID()));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    /** A loan of eight months to a queried borrower; its id. */
    private static String[] reportedLoan() {
        String rid = TestData.residentId();
        GatewayFixtures.queriedBeforeLending(rid);
        String ref = TestData.loanRef();
        String id = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        rid,
                        "amount",
                        "50000.00",
                        "startDate",
                        TODAY.minusMonths(8).toString(),
                        "termMonths",
                        12,
                        "purpose",
                        "养殖"))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new String[] {ref, id, rid};
    }

    private static ValidatableResponse status(String user, String ref, Map<String, Object> body) {
        return given().header("Authorization", bearer(user))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/loans/" + ref + "/status")
                .then();
    }

    private static ValidatableResponse decide(String user, String ref, String report, String decision) {
        return given().header("Authorization", bearer(user))
                .contentType("application/json")
                .body(Map.of("decision", decision))
                .post("/api/v1/loans/" + ref + "/adverse-reports/" + report + "/approval")
                .then();
    }

    private static ValidatableResponse notice(String user, String ref, String report) {
        return given().header("Authorization", bearer(user))
                .contentType("application/json")
                .body(Map.of("noticedOn", TODAY.toString(), "channel", "VISIT"))
                .post("/api/v1/loans/" + ref + "/adverse-reports/" + report + "/notice")
                .then();
    }

    /** The loan's lending.loan.v1 events in the gateway's outbox, in order. */
    private List<LoanChanged> published(String loanId) throws Exception {
        List<LoanChanged> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT payload FROM outbox_event WHERE aggregate_id = ? AND topic LIKE '%lending.loan.v1' ORDER BY id")) {
            s.setString(1, loanId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(EventCodec.decode(r.getString(1)).dataAs(EventCatalog.LOAN_CHANGED));
                }
            }
        }
        return events;
    }

    private LoanChanged last(String loanId) throws Exception {
        List<LoanChanged> all = published(loanId);
        return all.get(all.size() - 1);
    }

    @Test
    void aMaliciousDefaultIsPublishedOnlyOnceASecondOfficerApprovedAndTheBorrowerWasTold() throws Exception {
        String[] loan = reportedLoan();
        String ref = loan[0];
        String loanId = loan[1];
        String report = status(
                        LOAN_OFFICER, ref, Map.of("outstanding", "45000", "overdueDays", 200, "maliciousDefault", true))
                .statusCode(200)
                .body("maliciousDefault", equalTo(false))
                .body("classification", equalTo("NORMAL"))
                .body("overdueDays", equalTo(0))
                .body("outstanding", equalTo(45000.0f))
                .body("adverseReport.status", equalTo("PENDING"))
                .body("adverseReport.maliciousDefault", equalTo(true))
                .body("adverseReport.classification", equalTo("DOUBTFUL"))
                .body("adverseReport.proposedBy", equalTo(LOAN_OFFICER))
                .extract()
                .path("adverseReport.id");
        // the repayment is published, the adverse part is not
        LoanChanged pending = last(loanId);
        assertEquals(4_500_000L, pending.outstandingFen());
        assertFalse(pending.maliciousDefault());
        assertEquals("NORMAL", pending.classification());
        assertEquals(0, pending.overdueDays());

        // the institution's officers see it waiting
        given().header("Authorization", bearer(LOAN_SUPERVISOR))
                .get("/api/v1/loans/adverse-reports/open")
                .then()
                .statusCode(200)
                .body("id", hasItem(report));
        // the maker does not approve his own; a shared counter decides nothing; the loan waits meanwhile
        decide(LOAN_OFFICER, ref, report, "APPROVE")
                .statusCode(403)
                .body("type", equalTo("urn:ruralcredit:problem:four-eyes"));
        decide(SHARED_COUNTER, ref, report, "APPROVE")
                .statusCode(403)
                .body("code", equalTo("loan.account-not-personal"));
        status(LOAN_OFFICER, ref, Map.of("outstanding", "44000", "overdueDays", 230))
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:adverse-report-open"));

        // approved but not yet told: still nothing adverse published
        decide(LOAN_SUPERVISOR, ref, report, "APPROVE")
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("decidedBy", equalTo(LOAN_SUPERVISOR));
        assertFalse(published(loanId).stream().anyMatch(e -> Boolean.TRUE.equals(e.maliciousDefault())));
        decide(LOAN_SUPERVISOR, ref, report, "APPROVE").statusCode(409);

        // told: in effect, published
        notice(LOAN_OFFICER, ref, report)
                .statusCode(200)
                .body("status", equalTo("EFFECTIVE"))
                .body("noticeChannel", equalTo("VISIT"))
                .body("noticeRecordedBy", equalTo(LOAN_OFFICER));
        LoanChanged effective = last(loanId);
        assertTrue(effective.maliciousDefault());
        assertEquals("DOUBTFUL", effective.classification());
        assertEquals(200, effective.overdueDays());
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/loans/" + ref)
                .then()
                .statusCode(200)
                .body("maliciousDefault", equalTo(true))
                .body("classification", equalTo("DOUBTFUL"));
        given().header("Authorization", bearer(LOAN_SUPERVISOR))
                .get("/api/v1/loans/adverse-reports/open")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(report)));
        notice(LOAN_SUPERVISOR, ref, report).statusCode(409);
    }

    @Test
    void aRejectedProposalIsWithdrawnAndNeverPublished() throws Exception {
        String[] loan = reportedLoan();
        String report = status(
                        LOAN_SUPERVISOR,
                        loan[0],
                        Map.of("outstanding", "50000", "overdueDays", 100, "classification", "LOSS"))
                .statusCode(200)
                .body("adverseReport.proposedBy", equalTo(LOAN_SUPERVISOR))
                .extract()
                .path("adverseReport.id");
        notice(LOAN_OFFICER, loan[0], report).statusCode(200).body("status", equalTo("PENDING"));
        decide(LOAN_OFFICER, loan[0], report, "REJECT")
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo("REJECTED"));
        decide(LOAN_OFFICER, loan[0], report, "APPROVE").statusCode(409);
        assertFalse(published(loan[1]).stream().anyMatch(e -> e.classification().equals("LOSS")));
        // the loan's status changes again
        status(LOAN_OFFICER, loan[0], Map.of("outstanding", "48000", "overdueDays", 100))
                .statusCode(200)
                .body("classification", equalTo("SUBSTANDARD"))
                .body("adverseReport.status", equalTo("WITHDRAWN"));
    }

    private static String objection(String rid) {
        return given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of(
                        "kind",
                        "OBJECTION",
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        rid,
                        "section",
                        "loans",
                        "text",
                        "我户已按期还款，不存在恶意逃废债"))
                .post("/api/v1/objections")
                .then()
                .statusCode(201)
                .extract()
                .path("statement.id");
    }

    private static void answer(String objection, String outcome) {
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(Map.of("outcome", outcome, "answer", "经核实处理"))
                .post("/api/v1/objections/" + objection + "/answer")
                .then()
                .statusCode(200);
    }

    @Test
    void anObjectionSuspendsAnAdverseReportUntilAnsweredRejectedItStandsAgainUpheldItIsWithdrawn() throws Exception {
        String[] loan = reportedLoan();
        String ref = loan[0];
        String loanId = loan[1];
        String report = status(
                        LOAN_OFFICER, ref, Map.of("outstanding", "50000", "overdueDays", 120, "maliciousDefault", true))
                .statusCode(200)
                .extract()
                .path("adverseReport.id");
        decide(LOAN_SUPERVISOR, ref, report, "APPROVE").statusCode(200);
        notice(LOAN_SUPERVISOR, ref, report).statusCode(200).body("status", equalTo("EFFECTIVE"));
        assertTrue(last(loanId).maliciousDefault());

        String first = objection(loan[2]);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/loans/" + ref)
                .then()
                .body("adverseReport.status", equalTo("SUSPENDED"))
                .body("adverseReport.objectionId", equalTo(first))
                .body("maliciousDefault", equalTo(false))
                .body("classification", equalTo("NORMAL"));
        LoanChanged suspended = last(loanId);
        assertFalse(suspended.maliciousDefault());
        assertEquals("NORMAL", suspended.classification());
        given().header("Authorization", bearer(LOAN_SUPERVISOR))
                .get("/api/v1/loans/adverse-reports/open")
                .then()
                .body("id", hasItem(report));

        answer(first, "REJECTED");
        assertTrue(last(loanId).maliciousDefault(), "rejected: approved and noticed, it is in effect again");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/loans/" + ref)
                .then()
                .body("adverseReport.status", equalTo("EFFECTIVE"))
                .body("maliciousDefault", equalTo(true));

        String second = objection(loan[2]);
        assertFalse(last(loanId).maliciousDefault());
        answer(second, "UPHELD");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/loans/" + ref)
                .then()
                .body("adverseReport.status", equalTo("WITHDRAWN"))
                .body("adverseReport.withdrawnReason", equalTo("OBJECTION_UPHELD"))
                .body("maliciousDefault", equalTo(false));
        assertFalse(last(loanId).maliciousDefault());
    }

    @Test
    void aPendingReportSuspendedByAnObjectionDoesNotTakeEffectWhenApprovedAndNoticed() throws Exception {
        String[] loan = reportedLoan();
        String report = status(
                        LOAN_OFFICER,
                        loan[0],
                        Map.of("outstanding", "50000", "overdueDays", 0, "maliciousDefault", true))
                .statusCode(200)
                .extract()
                .path("adverseReport.id");
        String objection = objection(loan[2]);
        decide(LOAN_SUPERVISOR, loan[0], report, "APPROVE").statusCode(200).body("status", equalTo("SUSPENDED"));
        notice(LOAN_SUPERVISOR, loan[0], report).statusCode(200).body("status", equalTo("SUSPENDED"));
        assertFalse(published(loan[1]).stream().anyMatch(e -> Boolean.TRUE.equals(e.maliciousDefault())));
        answer(objection, "REJECTED");
        assertTrue(last(loan[1]).maliciousDefault());
    }
}

package org.ruralcredit.gateway.rest;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.service.ReportRequestService;
import org.ruralcredit.gateway.service.ReportRequestService.Asker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.LOAN_SUPERVISOR;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** GET /api/v1/reports: an officer's own report requests, read from the query register. */
@QuarkusTest
class OwnReportRequestsTest {

    @Inject
    DataSource dataSource;

    @Inject
    ReportRequestService requests;

    private long decide(String user, UUID consent, ConsentPurpose purpose) {
        return requests.decide(Asker.fromToken(user, "YYRCB", null), consent, purpose, SubjectType.HOUSEHOLD)
                .registerSeq();
    }

    private long total(String user) throws Exception {
        return GatewayFixtures.count(
                dataSource,
                "SELECT count(*) FROM query_register WHERE username = ? "
                        + "AND institution = 'YYRCB' AND subject_type IN ('HOUSEHOLD', 'FIRM')",
                user);
    }

    @Test
    void anOfficerSeesOwnRequestsNewestFirstGrantedAndRefusedWithTheSubjectMasked() throws Exception {
        String rid = TestData.residentId();
        String consent = GatewayFixtures.recordConsent(LOAN_OFFICER, rid, "LOAN_APPLICATION");
        long granted = decide(LOAN_OFFICER, UUID.fromString(consent), ConsentPurpose.LOAN_APPLICATION);
        // the consent is spent: asking again is a new request, refused
        long again = decide(LOAN_OFFICER, UUID.fromString(consent), ConsentPurpose.LOAN_APPLICATION);
        UUID unknown = UUID.randomUUID();
        long missing = decide(LOAN_OFFICER, unknown, ConsentPurpose.GUARANTEE_REVIEW);
        long supervisors = decide(LOAN_SUPERVISOR, UUID.fromString(consent), ConsentPurpose.LOAN_APPLICATION);

        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/reports?size=3")
                .then()
                .statusCode(200)
                .body("total", equalTo((int) total(LOAN_OFFICER)))
                .body("size", equalTo(3))
                .body("items.registerSeq", equalTo(List.of((int) missing, (int) again, (int) granted)))
                .body("items[0].consentId", equalTo(unknown.toString()))
                .body("items[0].subject", nullValue())
                .body("items[0].outcome", equalTo("REFUSED"))
                .body("items[0].refusal", equalTo("consent-missing"))
                .body("items[1].refusal", equalTo("consent-used"))
                .body("items[2].outcome", equalTo("GRANTED"))
                .body("items[2].refusal", nullValue())
                .body("items[2].consentId", equalTo(consent))
                .body("items[2].purpose", equalTo("LOAN_APPLICATION"))
                .body("items[2].subjectType", equalTo("HOUSEHOLD"))
                .body("items[2].subject", equalTo(rid.substring(0, 6) + "********" + rid.substring(14)));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/reports?page=1&size=2")
                .then()
                .statusCode(200)
                .body("items[0].registerSeq", equalTo((int) granted));
        // a colleague's request is the colleague's
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/reports?size=100")
                .then()
                .statusCode(200)
                .body("items.registerSeq", not(hasItem((int) supervisors)));
        given().header("Authorization", bearer(LOAN_SUPERVISOR))
                .get("/api/v1/reports?size=1")
                .then()
                .statusCode(200)
                .body("items[0].registerSeq", equalTo((int) supervisors));
    }

    @Test
    void aBadSizeIsAProblemAndOnlyLendersList() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/reports?size=101")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].code", equalTo("field.max"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/reports")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}

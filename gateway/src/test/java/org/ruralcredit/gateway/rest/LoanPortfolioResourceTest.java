package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class LoanPortfolioResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    /** A borrower the registry placed in {@code village}, as a report would have linked it. */
    private String borrowerIn(String village) throws Exception {
        String rid = TestData.residentId();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO household_link (subject_hash, household_id, village_code, seen_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, cipher.lookupHash("resident-id", rid));
            s.setObject(2, UUID.randomUUID());
            s.setString(3, village);
            s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        return rid;
    }

    private static void report(String ref, String rid) {
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
                        TODAY.minusMonths(6).toString(),
                        "termMonths",
                        24,
                        "purpose",
                        "养殖"))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
    }

    @Test
    void overdueRateNplRatioAndRecoveryPerVillage() throws Exception {
        // a township of its own, so only this test's loans are in it
        String township = "3302" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
        String village = township + "201";
        String bad = TestData.loanRef();
        report(bad, borrowerIn(village));
        report(TestData.loanRef(), borrowerIn(village));
        // 120 days overdue: 次级, non-performing; 20,000 of 50,000 repaid
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("outstanding", "30000", "overdueDays", 120))
                .post("/api/v1/loans/" + bad + "/status")
                .then()
                .statusCode(200);

        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("by", "village")
                .queryParam("division", township)
                .get("/api/v1/loan-portfolio")
                .then()
                .statusCode(200)
                .body("institution", equalTo("YYRCB"))
                .body("groups", hasSize(1))
                .body("groups[0].group", equalTo(village))
                .body("groups[0].loans", equalTo(2))
                .body("groups[0].overdueActive", equalTo(1))
                .body("groups[0].outstanding", equalTo(80000.0f))
                .body("groups[0].overdueRate", equalTo(0.5f))
                .body("groups[0].nplRatio", equalTo(0.375f))
                .body("groups[0].recoveryRate", equalTo(0.4f))
                .body("total.loans", equalTo(2));
        // every lender's loans for a credit-admin, grouped by lender
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("by", "institution")
                .queryParam("division", township)
                .get("/api/v1/loan-portfolio")
                .then()
                .statusCode(200)
                .body("institution", nullValue())
                .body("groups[0].group", equalTo("YYRCB"))
                .body("groups[0].nplRatio", equalTo(0.375f));

        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("institution", "OTHER-BANK")
                .get("/api/v1/loan-portfolio")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("by", "county")
                .get("/api/v1/loan-portfolio")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/loan-portfolio")
                .then()
                .statusCode(403);
        given().get("/api/v1/loan-portfolio").then().statusCode(401);
    }
}

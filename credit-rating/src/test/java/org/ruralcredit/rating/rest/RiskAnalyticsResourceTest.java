package org.ruralcredit.rating.rest;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.Fixtures;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class RiskAnalyticsResourceTest {

    @Inject
    Fixtures fixtures;

    /** Numbers read as doubles, so closeTo compares like with like. */
    private static RequestSpecification given() {
        return RestAssured.given()
                .config(RestAssured.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    /**
     * A year of its own (no other test's loans start in it; loans left in it by an earlier run are removed). Each borrower has a loan in the first
     * half (baseline) and one in the second half (period), with the same score, so the PSI is 0.
     * Period outcomes: AAA (85) 10 good; AA (75) 19 good, 1 bad; not a credit household (55) 1 good, 1 bad.
     */
    private int year() {
        int year = 2200 + ThreadLocalRandom.current().nextInt(700);
        fixtures.clearLoansStartingIn(year);
        LocalDate rated = LocalDate.of(year, 1, 1);
        LocalDate baseline = LocalDate.of(year, 2, 1);
        LocalDate period = LocalDate.of(year, 8, 1);
        for (int i = 0; i < 10; i++) {
            fixtures.scoredBorrower(85, "AAA", rated, false, baseline, period);
        }
        for (int i = 0; i < 19; i++) {
            fixtures.scoredBorrower(75, "AA", rated, false, baseline, period);
        }
        fixtures.scoredBorrower(75, "AA", rated, true, baseline, period);
        fixtures.scoredBorrower(55, "NONE", rated, false, baseline, period);
        fixtures.scoredBorrower(55, "NONE", rated, true, baseline, period);
        return year;
    }

    @Test
    void oddsAndMinimumRatesPerGradeBand() {
        int year = year();
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("version", 1)
                .queryParam("from", year + "-07-01")
                .queryParam("to", (year + 1) + "-01-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("loansWithOutcome", equalTo(32))
                .body("bands", hasSize(4))
                .body("bands[0].band", equalTo("AAA"))
                .body("bands[0].goods", equalTo(10))
                .body("bands[0].minimumRate", nullValue())
                .body("bands[0].note", Matchers.startsWith("insufficient data"))
                .body("bands[1].band", equalTo("AA"))
                .body("bands[1].odds", equalTo(19.0))
                // r = (1 + 20 × 0.02) / 19 = 0.0736842… rounded up
                .body("bands[1].minimumRate", equalTo(0.073685))
                .body("bands[3].band", equalTo("NONE"))
                .body("bands[3].odds", equalTo(1.0))
                // ln 19 / (75 − 30) per point: PDO = ln 2 · 45 / ln 19 = 10.593
                .body("pdoCheck.impliedPdo", closeTo(10.593, 0.001))
                .body("statedPdo", equalTo(10.0));
    }

    @Test
    void monitoringOfAPeriodAgainstABaseline() {
        int year = year();
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("from", year + "-07-01")
                .queryParam("to", (year + 1) + "-01-01")
                .queryParam("baselineFrom", year + "-01-01")
                .queryParam("baselineTo", year + "-07-01")
                .get("/api/v1/monitoring/report")
                .then()
                .statusCode(200)
                .body("model", equalTo("household-default@1"))
                .body("goods", equalTo(30))
                .body("bads", equalTo(2))
                .body("periodLoans", equalTo(32))
                .body("baselineLoans", equalTo(32))
                .body("defaultRates.find { it.grade == 'AA' }.defaultRate", equalTo(0.05))
                .body("defaultRates.find { it.grade == 'BELOW_A' }.defaultRate", equalTo(0.5))
                // goods ≤ 55: 1/30, bads ≤ 55: 1/2 → KS 0.4667; AUC 49/60
                .body("ks", closeTo(0.466667, 0.000001))
                .body("auc", closeTo(0.816667, 0.000001))
                .body("gini", closeTo(0.633333, 0.000001))
                .body("psi", closeTo(0.0, 0.0000001))
                .body("flags", hasSize(0));
    }

    /**
     * Ten more borrowers scored 45 with a loan still running (no outcome yet) in each half: both
     * periods have the same 42 scored loans, so the PSI is 0. Comparing the baseline's 42 with only
     * the period's 32 finished loans would leave the bin [40, 50) empty in the period
     * (share 0.0001 against 10/42) and report a population shift that is not there.
     */
    @Test
    void thePsiComparesEveryScoredLoanNotOnlyTheFinishedOnes() {
        int year = year();
        LocalDate rated = LocalDate.of(year, 1, 1);
        for (int i = 0; i < 10; i++) {
            fixtures.scoredBorrower(
                    45,
                    "NONE",
                    rated,
                    Fixtures.LoanOutcome.RUNNING,
                    LocalDate.of(year, 2, 1),
                    LocalDate.of(year, 8, 1));
        }
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("from", year + "-07-01")
                .queryParam("to", (year + 1) + "-01-01")
                .queryParam("baselineFrom", year + "-01-01")
                .queryParam("baselineTo", year + "-07-01")
                .get("/api/v1/monitoring/report")
                .then()
                .statusCode(200)
                .body("goods", equalTo(30))
                .body("bads", equalTo(2))
                .body("periodLoans", equalTo(42))
                .body("baselineLoans", equalTo(42))
                // outcomes unchanged by the running loans: KS and AUC as in the test above
                .body("ks", closeTo(0.466667, 0.000001))
                .body("psi", closeTo(0.0, 0.0000001))
                .body("flags", hasSize(0));
    }

    @Test
    void onlyCreditAdminsAndAuditorsAndOnlyValidPeriods() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2027-01-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2027-01-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("from", "2027-01-01")
                .queryParam("to", "2026-01-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("period.order"))
                .body("errors[0].message", equalTo("must be after the start of the period"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .header("Accept-Language", "zh-CN")
                .queryParam("from", "2027-01-01")
                .queryParam("to", "2026-01-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("period.order"))
                .body("errors[0].message", equalTo("须晚于期间的起始日期"));
        // a date that is no date names its parameter
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("from", "notadate")
                .queryParam("to", "2027-01-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].code", equalTo("param.unreadable"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2027-01-01")
                .queryParam("baselineFrom", "2025-01-01")
                .queryParam("baselineTo", "2025-13-45")
                .get("/api/v1/monitoring/report")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("baselineTo"))
                .body("errors[0].code", equalTo("param.unreadable"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("to", "2026-01-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2027-01-01")
                .queryParam("version", 99)
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(404);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("from", "1900-01-01")
                .queryParam("to", "1900-02-01")
                .queryParam("baselineFrom", "1899-01-01")
                .queryParam("baselineTo", "1899-02-01")
                .get("/api/v1/monitoring/report")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }
}

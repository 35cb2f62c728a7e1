package org.ruralcredit.sme.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.ruralcredit.sme.TestFirms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class FilingResourceTest {

    private static ValidatableResponse file(
            String uscc, int year, long sales, long cost, String margin, long assets, long liabilities, long equity) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(Map.of(
                        "fiscalYear",
                        year,
                        "sales",
                        sales,
                        "costOfSales",
                        cost,
                        "statedGrossMarginPct",
                        margin,
                        "assets",
                        assets,
                        "liabilities",
                        liabilities,
                        "equity",
                        equity))
                .post("/api/v1/filings/" + uscc)
                .then();
    }

    @Test
    void marginGapOverFivePointsFlagsTheFilingWithTheNumbers() {
        String uscc = TestFirms.archive("陆埠镇戊厂", "330281113", "C18", 200_000, 9);
        file(uscc, 2025, 1_000_000, 800_000, "30", 900_000, 500_000, 400_000)
                .statusCode(201)
                .body("flagged", equalTo(true))
                .body("revision", equalTo(1))
                .body("checks.find { it.check == 'GROSS_MARGIN' }.computed", equalTo(20.0f))
                .body("checks.find { it.check == 'GROSS_MARGIN' }.gapPoints", equalTo(10.0f))
                .body("checks.find { it.check == 'GROSS_MARGIN' }.explanation", containsString("over the tolerance"))
                .body("checks.find { it.check == 'EQUITY' }.flagged", equalTo(false));
        // a corrected filing for the same year is a new revision, and consistent
        file(uscc, 2025, 1_000_000, 800_000, "20.5", 900_000, 500_000, 400_000)
                .statusCode(201)
                .body("flagged", equalTo(false))
                .body("revision", equalTo(2));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/filings/" + uscc)
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].revision", equalTo(2));
    }

    @Test
    void salesTrendIsCheckedAgainstMeteredElectricity() {
        String uscc = TestFirms.archive("梁弄镇己厂", "330281114", "C20", 400_000, 15);
        StringBuilder csv = new StringBuilder("uscc,month,electricityKwh,waterTonnes\n");
        for (int m = 1; m <= 12; m++) {
            csv.append(uscc).append(String.format(",2024-%02d,10000,\n", m));
            csv.append(uscc).append(String.format(",2025-%02d,9000,\n", m));
        }
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("text/csv")
                .body(csv.toString())
                .queryParam("asOf", "2025-12-31")
                .post("/api/v1/feeds/utilities")
                .then()
                .statusCode(200)
                .body("stored", equalTo(24));
        file(uscc, 2024, 1_200_000, 960_000, "20", 1_000_000, 400_000, 600_000)
                .statusCode(201)
                .body("flagged", equalTo(false));
        // sales +50% while electricity use fell 10%
        file(uscc, 2025, 1_800_000, 1_440_000, "20", 1_000_000, 400_000, 600_000)
                .statusCode(201)
                .body("flagged", equalTo(true))
                .body("checks.find { it.check == 'SALES_VS_ELECTRICITY' }.stated", equalTo(50.0f))
                .body("checks.find { it.check == 'SALES_VS_ELECTRICITY' }.computed", equalTo(-10.0f))
                .body("checks.find { it.check == 'GROSS_MARGIN' }.flagged", equalTo(false));
    }

    @Test
    void negativeOrMissingFiguresAreRefusedAndNothingIsStored() {
        String uscc = TestFirms.archive("大隐镇庚店", "330281112", "F52", 10_000, 2);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(Map.of(
                        "fiscalYear", 2025, "sales", -1, "costOfSales", 0, "assets", -5, "liabilities", 0, "equity", 0))
                .post("/api/v1/filings/" + uscc)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("sales", "assets", "statedGrossMarginPct"));
        file(uscc, 3000, 1, 0, "100", 0, 0, 0).statusCode(400).body("errors[0].field", equalTo("fiscalYear"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/filings/" + uscc)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        file(TestFirms.freshCode('1'), 2025, 1, 0, "100", 0, 0, 0).statusCode(404);
    }

    @Test
    void lendersNeitherFileNorReadFilings() {
        String uscc = TestFirms.archive("三七市镇辛店", "330281110", "F52", 10_000, 2);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("fiscalYear", 2025))
                .post("/api/v1/filings/" + uscc)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/filings/" + uscc)
                .then()
                .statusCode(403);
    }
}

package org.ruralcredit.sme.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.sme.TestFirms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class AwardCheckTest {

    private static void feed(String source, String asOf, String csv) {
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("text/csv")
                .body(csv)
                .queryParam("asOf", asOf)
                .post("/api/v1/feeds/" + source)
                .then()
                .statusCode(200)
                .body("rejected", equalTo(0));
    }

    @Test
    void disqualifiedAndCleanFirmsGetReasonCategoriesOnly() {
        String clean = TestFirms.archive("丈亭镇守信厂", "330281109", "C21", 100_000, 10);
        String listed = TestFirms.archive("丈亭镇异常厂", "330281109", "C21", 100_000, 10);
        String debtor = TestFirms.archive("丈亭镇失信店", "330281109", "F52", 10_000, 2);
        String revoked = TestFirms.archive("丈亭镇撤销厂", "330281109", "C21", 100_000, 10);
        String unknown = TestFirms.freshCode('1');
        String recent = LocalDate.now(ServiceClock.CHINA)
                .minusMonths(2)
                .withDayOfMonth(1)
                .toString();
        feed(
                "market-regulation",
                recent,
                "uscc,registrationStatus,annualReportFiled,abnormalListed\n" + clean + ",ACTIVE,true,false\n" + listed
                        + ",ACTIVE,false,true\n");
        feed("tax", recent, "uscc,creditGrade,arrears\n" + clean + ",A,0\n" + debtor + ",D,1200\n");
        feed("courts", recent, "uscc,dishonestDebtor\n" + debtor + ",true\n");
        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of(
                        "uscc",
                        revoked,
                        "programme",
                        "CONTRACT_ABIDING",
                        "outcome",
                        "REVOKED",
                        "decidedOn",
                        LocalDate.now(ServiceClock.CHINA).minusYears(1).toString()))
                .post("/api/v1/awards")
                .then()
                .statusCode(201)
                .body("institution", equalTo("YY-CIVILIZATION-OFFICE"));

        String checkId = given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of(
                        "programme",
                        "CONTRACT_ABIDING",
                        "codes",
                        List.of(clean, listed, debtor, revoked, unknown.toLowerCase(Locale.ROOT), clean)))
                .post("/api/v1/award-checks")
                .then()
                .statusCode(200)
                .body("results", hasSize(5))
                .body("passed", equalTo(1))
                .body("failed", equalTo(4))
                .body("results.find { it.uscc == '" + clean + "' }.passed", equalTo(true))
                .body("results.find { it.uscc == '" + listed + "' }.reasons", contains("ABNORMAL_LISTING"))
                .body(
                        "results.find { it.uscc == '" + debtor + "' }.reasons",
                        contains("TAX_GRADE_D", "DISHONEST_DEBTOR"))
                .body("results.find { it.uscc == '" + revoked + "' }.reasons", contains("COOLING_OFF_REVOKED"))
                .body("results.find { it.uscc == '" + unknown + "' }.reasons", contains("NOT_ARCHIVED"))
                // reason categories only: no names, grades or amounts
                .body("results[0]", not(hasKey("name")))
                .extract()
                .path("checkId");

        // a custom rule set: only the court listing counts
        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of(
                        "programme",
                        "CUSTOM",
                        "rules",
                        Map.of("name", "余姚市文明诚信示范户", "lookBackYears", 1, "disqualifying", List.of("DISHONEST_DEBTOR")),
                        "codes",
                        List.of(listed, debtor)))
                .post("/api/v1/award-checks")
                .then()
                .statusCode(200)
                .body("results.find { it.uscc == '" + listed + "' }.passed", equalTo(true))
                .body("results.find { it.uscc == '" + debtor + "' }.reasons", contains("DISHONEST_DEBTOR"));

        // every check is logged; the agency and auditors can read it back
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/award-checks")
                .then()
                .statusCode(200)
                .body("checkId", hasItem(checkId));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/award-checks/" + checkId)
                .then()
                .statusCode(200)
                .body("summary.codes", equalTo(5))
                .body("summary.checkedBy", equalTo("gov-clerk"))
                .body("results", hasSize(5));
    }

    @Test
    void badBatchesAreRefusedWhole() {
        String good = TestFirms.freshCode('1');
        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of("programme", "CONTRACT_ABIDING", "codes", List.of(good, TestFirms.broken(good), "123")))
                .post("/api/v1/award-checks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("codes[1]", "codes[2]"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            tooMany.add(good);
        }
        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of("programme", "CONTRACT_ABIDING", "codes", tooMany))
                .post("/api/v1/award-checks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("codes"));
        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of(
                        "programme",
                        "CUSTOM",
                        "rules",
                        Map.of("name", "x", "lookBackYears", 0, "disqualifying", List.of("BAD_HAIR_DAY")),
                        "codes",
                        List.of(good)))
                .post("/api/v1/award-checks")
                .then()
                .statusCode(400)
                .body("errors.field", contains("rules.lookBackYears", "rules.disqualifying"));
        given().header("Authorization", bearer(GOV_CLERK))
                .contentType("application/json")
                .body(Map.of("programme", "BEST_FIRM", "codes", List.of(good)))
                .post("/api/v1/award-checks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("programme"));
    }

    @Test
    void onlyAgenciesRunChecks() {
        for (String user : List.of(LOAN_OFFICER, CREDIT_ADMIN, AUDITOR)) {
            given().header("Authorization", bearer(user))
                    .contentType("application/json")
                    .body(Map.of("programme", "CONTRACT_ABIDING", "codes", List.of(TestFirms.freshCode('1'))))
                    .post("/api/v1/award-checks")
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/award-checks")
                .then()
                .statusCode(403);
    }
}

package org.ruralcredit.rating.rest;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** What-if evaluation of stated figures: nothing stored, the real rating's rules. */
@QuarkusTest
class DivisionEvaluationResourceTest {

    private static final String PATH = "/api/v1/division-ratings/evaluations";

    @Test
    void bothRuleSetsJudgeTheStatedFigures() {
        // 72.5 % credit households pass "≥ 50" and "≥ 70"; 88 % without overdue fails "≥ 90" but passes "≥ 85";
        // 1.2 % NPL passes both; the default set also names the NPL growth, not stated: nothing failed there,
        // so the default set is NOT_ASSESSABLE and the regional one FAILED
        given().header("Authorization", bearer(AUDITOR))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "ruleSets",
                        List.of("village-regional-50-90-3", "village-default"),
                        "figures",
                        Map.of(
                                "CREDIT_HOUSEHOLD_SHARE",
                                72.5,
                                "BORROWERS_WITHOUT_OVERDUE_SHARE",
                                88.0,
                                "NPL_RATIO",
                                1.2)))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].ruleSet", equalTo("village-regional-50-90-3"))
                .body("results[0].version", equalTo(2))
                .body("results[0].verdict", equalTo("FAILED"))
                .body("results[0].criteria", hasSize(3))
                .body("results[0].criteria[1].measure", equalTo("BORROWERS_WITHOUT_OVERDUE_SHARE"))
                .body("results[0].criteria[1].comparison", equalTo("AT_LEAST"))
                .body("results[0].criteria[1].met", equalTo(false))
                .body("results[1].ruleSet", equalTo("village-default"))
                .body("results[1].version", equalTo(2))
                .body("results[1].verdict", equalTo("NOT_ASSESSABLE"))
                .body("results[1].criteria[1].met", equalTo(true))
                .body("results[1].criteria[3].measure", equalTo("NPL_RATIO_GROWTH"))
                .body("results[1].criteria[3].met", nullValue());
        // with the growth stated, the default set passes
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "ruleSets",
                        List.of("village-default"),
                        "figures",
                        Map.of(
                                "CREDIT_HOUSEHOLD_SHARE",
                                72.5,
                                "BORROWERS_WITHOUT_OVERDUE_SHARE",
                                88.0,
                                "NPL_RATIO",
                                1.2,
                                "NPL_RATIO_GROWTH",
                                -0.3)))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("results[0].verdict", equalTo("PASSED"));
    }

    @Test
    void aVillageExactlyAtTheBoundaryPassesTheCorrectedSetAndFailsTheOldVersion() {
        // 90.00 % without overdue given as counts (180 of 200), exactly 3.00 % NPL, 50 % credit households
        Map<String, Object> body = Map.of(
                "ruleSets",
                List.of("village-regional-50-90-3", "village-regional-50-90-3@1"),
                "figures",
                Map.of("CREDIT_HOUSEHOLD_SHARE", 50, "NPL_RATIO", 3.00, "NPL_RATIO_GROWTH", 0),
                "counts",
                Map.of("BORROWERS_WITHOUT_OVERDUE_SHARE", Map.of("numerator", 180, "denominator", 200)));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("results[0].verdict", equalTo("PASSED"))
                .body("results[0].criteria[1].value", equalTo(90.00f))
                .body("results[1].version", equalTo(1))
                .body("results[1].verdict", equalTo("FAILED"))
                .body("results[1].criteria[1].comparison", equalTo("GREATER_THAN"))
                .body("results[1].criteria[1].met", equalTo(false))
                .body("results[1].criteria[2].met", equalTo(false));
    }

    @Test
    void badInputIsRefusedWithCodes() {
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("ruleSets", List.of("no-such-rules"), "figures", Map.of("NPL_RATIO", 1)))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("ruleSets[0]"))
                .body("errors[0].code", equalTo("rule-set.unknown"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "ruleSets", List.of("village-default"), "figures", Map.of("HAPPINESS", 1, "NPL_RATIO", 101)))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.code", Matchers.hasItems("rating.measure-unknown", "rating.figure-out-of-range"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "ruleSets",
                        List.of("village-default"),
                        "counts",
                        Map.of("NPL_RATIO", Map.of("numerator", 5, "denominator", 0))))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("rating.counts-invalid"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "ruleSets",
                        List.of("village-default"),
                        "figures",
                        Map.of("NPL_RATIO", 1),
                        "counts",
                        Map.of("NPL_RATIO", Map.of("numerator", 1, "denominator", 100))))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("rating.figure-stated-twice"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("figures", Map.of("NPL_RATIO", 1)))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ruleSets"));
        // roles that cannot read rule sets may not evaluate either
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("ruleSets", List.of("village-default")))
                .post(PATH)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("ruleSets", List.of("village-default")))
                .post(PATH)
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("ruleSets", List.of("village-default")))
                .post(PATH)
                .then()
                .statusCode(401);
    }
}

package org.ruralcredit.rating.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.Fixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** The minimum rate per lender: the policy's own margin, or a stated one; and the active model by default. */
@QuarkusTest
class PricingResourceTest {

    private static final String PATH = "/api/v1/pricing/minimum-rate";

    @Inject
    Fixtures fixtures;

    @Test
    void minimumRateFromStatedOddsAndMargin() {
        // n = 19, m = 0.05: (1 + 20 × 0.05) / 19 = 2 / 19 = 0.1052631… → 0.105264
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("odds", 19)
                .queryParam("margin", 0.05)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("odds", equalTo(19))
                .body("margin", equalTo(0.05f))
                .body("minimumRate", equalTo(0.105264f));
        // n = 49, m = 0.02: (1 + 50 × 0.02) / 49 = 2 / 49 = 0.0408163… → 0.040817
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("odds", 49)
                .queryParam("margin", 0.02)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("minimumRate", equalTo(0.040817f));
    }

    @Test
    void aLendersPolicyCarriesItsOwnMargin() {
        String id = "margin-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> policy = LenderPolicyResourceTest.policy(id);
        policy.put("targetMargin", 0.05);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(policy)
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(201);
        // n = 49 with the policy's 5 %: 3.5 / 49 = 0.0714285… → 0.071429
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("odds", 49)
                .queryParam("policy", id)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("margin", equalTo(0.05f))
                .body("minimumRate", equalTo(0.071429f))
                .body("institution", equalTo("YYRCB"))
                .body("policy", equalTo(id))
                .body("policyVersion", equalTo(1));
        // a credit-admin names the institution
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("odds", 49)
                .queryParam("policy", id)
                .queryParam("institution", "YYRCB")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("minimumRate", equalTo(0.071429f));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("odds", 49)
                .queryParam("policy", id)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("rating.pricing.institution-required"));
        // a loan officer prices with their own institution's policies only
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("odds", 49)
                .queryParam("policy", id)
                .queryParam("institution", "OTHERBANK")
                .get(PATH)
                .then()
                .statusCode(403)
                .body("code", equalTo("rating.policy-of-other-institution"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("odds", 49)
                .queryParam("policy", "no-such-policy")
                .get(PATH)
                .then()
                .statusCode(404)
                .body("code", equalTo("rating.policy-not-found"));
        // the odds report uses the policy's margin too
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("policy", id)
                .queryParam("institution", "YYRCB")
                .queryParam("from", "2031-01-01")
                .queryParam("to", "2031-02-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(200)
                .body("targetMargin", equalTo(0.05f));
        // a margin outside [0, 0.5] is refused when the policy is registered
        policy.put("targetMargin", 0.6);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(policy)
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(400);
    }

    @Test
    void withoutAVersionTheOddsReportReadsTheActiveModel() {
        int active = fixtures.activeModelVersion();
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("from", "2031-01-01")
                .queryParam("to", "2031-02-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(200)
                .body("version", equalTo(active))
                .body("targetMargin", equalTo(0.02f));
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("model", "not-rated-model")
                .queryParam("from", "2031-01-01")
                .queryParam("to", "2031-02-01")
                .get("/api/v1/pricing/odds")
                .then()
                .statusCode(404)
                .body("code", equalTo("rating.model-not-active"));
    }

    @Test
    void boundsAndRoles() {
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("odds", 0)
                .queryParam("margin", 0.02)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("odds"))
                .body("errors[0].code", equalTo("rating.pricing.odds-not-positive"));
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("odds", -2)
                .queryParam("margin", 0.02)
                .get(PATH)
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("odds", 19)
                .queryParam("margin", 0.51)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("rating.pricing.margin-out-of-range"));
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("odds", 19)
                .queryParam("margin", -0.01)
                .get(PATH)
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("odds", 19)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("rating.pricing.margin-or-policy"));
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("odds", "many")
                .queryParam("margin", 0.02)
                .get(PATH)
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("odds", 19)
                .queryParam("margin", 0.02)
                .get(PATH)
                .then()
                .statusCode(403);
        given().queryParam("odds", 19)
                .queryParam("margin", 0.02)
                .get(PATH)
                .then()
                .statusCode(401);
    }
}

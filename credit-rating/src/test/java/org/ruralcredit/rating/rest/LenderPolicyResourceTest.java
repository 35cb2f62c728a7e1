package org.ruralcredit.rating.rest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.Fixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

@QuarkusTest
class LenderPolicyResourceTest {

    @Inject
    Fixtures fixtures;

    static Map<String, Object> policy(String id) {
        Map<String, Object> p = new HashMap<>();
        p.put("policyId", id);
        p.put("name", "丰收贷");
        p.put("baseLineByGrade", Map.of("AAA", 60000, "AA", 50000, "A", 30000));
        p.put("assetShare", 0.05);
        p.put("businessIncomeShare", 0.1);
        p.put("lineCap", 100000);
        p.put("termMonths", 12);
        p.put("baseAnnualRate", 0.08);
        p.put("rateDiscountByGrade", Map.of("AAA", 0.1, "AA", 0.05));
        p.put("repaymentShareOfNetIncome", 0.5);
        p.put("roundingUnit", 1000);
        return p;
    }

    @Test
    void aLenderRegistersItsPolicyAndSeesWhatItWouldOffer() {
        String id = "harvest-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(policy(id))
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(201)
                .header("Location", Matchers.endsWith("/api/v1/lender-policies/" + id + "/versions/1"))
                .body("institution", equalTo("YYRCB"))
                .body("version", equalTo(1))
                .body("createdBy", equalTo("loan-officer"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/lender-policies/{id}/versions/1", id)
                .then()
                .statusCode(200)
                .body("document.policyId", equalTo(id))
                .body("version", equalTo(1));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/lender-policies/{id}/versions/9", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("lender-policy.not-found"));
        Map<String, Object> second = policy(id);
        second.put("lineCap", 150000);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(second)
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(201)
                .body("version", equalTo(2));

        // an AA household: assets 600,000, business income 170,000, net income 140,000 yuan
        UUID household = fixtures.household(fixtures.freshVillage(10), true, null);
        // 50,000 + 5% × 600,000 + 10% × 170,000 = 97,000 under the cap; 8% × 0.95 = 7.6%;
        // 50% × 140,000 / 12 = 5,833.33 a month over 12 months affords 67,2xx → 67,000 in thousands
        // (read by the gateway's service account for the lender's institution, as a consented report does)
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", household)
                .queryParam("institution", "YYRCB")
                .queryParam("policy", id)
                .get("/api/v1/credit-offers")
                .then()
                .statusCode(200)
                .body("institution", equalTo("YYRCB"))
                .body("offer.policyVersion", equalTo(2))
                .body("offer.grade", equalTo("AA"))
                .body("offer.creditLine", equalTo(67000))
                .body("offer.annualRate", equalTo(0.076f))
                .body("offer.steps.englishLabel", hasItem(containsString("cap")))
                .body("finances.familyTotalAssets", equalTo(600000));
        // the platform's default policy: 80,000 + 60,000 + 51,000 = 191,000 at 5.4%
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", household)
                .queryParam("institution", "default")
                .get("/api/v1/credit-offers")
                .then()
                .statusCode(200)
                .body("offer.creditLine", equalTo(191000))
                .body("offer.annualRate", equalTo(0.054f));

        // every policy of the institution at once, newest versions: this one among them, at version 2
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", household)
                .queryParam("institution", "YYRCB")
                .get("/api/v1/credit-offers/all")
                .then()
                .statusCode(200)
                .body("institution", everyItem(equalTo("YYRCB")))
                .body("find { it.offer.policyId == '" + id + "' }.offer.policyVersion", equalTo(2))
                .body("find { it.offer.policyId == '" + id + "' }.offer.creditLine", equalTo(67000));
        // an institution without a policy is shown the platform's
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", household)
                .queryParam("institution", "NO-POLICY-BANK")
                .get("/api/v1/credit-offers/all")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].institution", equalTo("default"))
                .body("[0].offer.creditLine", equalTo(191000));
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", UUID.randomUUID())
                .queryParam("institution", "YYRCB")
                .get("/api/v1/credit-offers/all")
                .then()
                .statusCode(404);
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", household)
                .get("/api/v1/credit-offers/all")
                .then()
                .statusCode(400);

        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/lender-policies")
                .then()
                .statusCode(200)
                .body("find { it.document.policyId == '" + id + "' }.version", equalTo(2));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/lender-policies")
                .then()
                .statusCode(200)
                .body("institution", not(hasItem("OTHER-BANK")));
    }

    @Test
    void aHouseholdsOfferAndFinancesAreRefusedToEveryPersonWhateverInstitutionTheyName() {
        UUID household = fixtures.household(fixtures.freshVillage(10), true, null);
        for (String path : List.of("/api/v1/credit-offers", "/api/v1/credit-offers/all")) {
            // a lender naming the platform's, its own, another or no institution, a shared counter, an admin:
            // the realm refuses them all (the resource's own service-only check stands behind it)
            for (String institution : Arrays.asList("default", "YYRCB", "OTHER-BANK", null)) {
                for (String user : List.of(LOAN_OFFICER, SHARED_COUNTER, CREDIT_ADMIN)) {
                    var request = given().header("Authorization", bearer(user)).queryParam("household", household);
                    if (institution != null) {
                        request.queryParam("institution", institution);
                    }
                    request.get(path)
                            .then()
                            .statusCode(403)
                            .contentType("application/problem+json")
                            .body("code", equalTo("forbidden"))
                            .body("$", not(Matchers.hasKey("finances")));
                }
            }
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .queryParam("household", household)
                    .queryParam("institution", "default")
                    .get(path)
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", bearer(LOAN_OFFICER))
                .header("Accept-Language", "zh-CN")
                .queryParam("household", household)
                .queryParam("institution", "default")
                .get("/api/v1/credit-offers")
                .then()
                .statusCode(403)
                .body("detail", Matchers.matchesPattern("(?s).*\\p{IsHan}.*"));
    }

    @Test
    void theVillageListCarriesGradesAndLinesButNoFinancesAndOnlyForTheService() {
        String village = fixtures.freshVillage(10);
        UUID credit = fixtures.household(village, true, null);
        UUID other = fixtures.household(village, false, null);
        String body = given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("institution", "NO-POLICY-BANK")
                .get("/api/v1/credit-offers/villages/{code}", village)
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.householdId == '" + credit + "' }.grade", equalTo("AA"))
                .body("find { it.householdId == '" + credit + "' }.creditHousehold", equalTo(true))
                .body("find { it.householdId == '" + credit + "' }.offers[0].institution", equalTo("default"))
                .body("find { it.householdId == '" + credit + "' }.offers[0].creditLine", equalTo(191000))
                .body("find { it.householdId == '" + credit + "' }.offers[0].annualRate", equalTo(0.054f))
                .body("find { it.householdId == '" + other + "' }.creditHousehold", equalTo(false))
                .body("find { it.householdId == '" + other + "' }.offers", hasSize(0))
                .extract()
                .asString();
        for (String word : List.of("finances", "asset", "income", "debt", "steps")) {
            Assertions.assertFalse(body.toLowerCase(Locale.ROOT).contains(word), word + " in " + body);
        }
        for (String user : List.of(LOAN_OFFICER, SHARED_COUNTER, CREDIT_ADMIN)) {
            given().header("Authorization", bearer(user))
                    .queryParam("institution", "YYRCB")
                    .get("/api/v1/credit-offers/villages/{code}", village)
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("forbidden"));
        }
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("institution", "YYRCB")
                .get("/api/v1/credit-offers/villages/{code}", "3302")
                .then()
                .statusCode(400);
    }

    @Test
    void invalidPoliciesAndOtherRolesAreRefused() {
        Map<String, Object> bad = policy("bad-" + UUID.randomUUID().toString().substring(0, 8));
        bad.put("assetShare", 1.5);
        bad.put("termMonths", 0);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(bad)
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("detail", equalTo("The request has 2 invalid field(s)."))
                .body("errors.find { it.field == 'assetShare' }.code", equalTo("lender-policy.fraction"))
                .body("errors.find { it.field == 'assetShare' }.message", equalTo("must be between 0 and 1"))
                .body("errors.find { it.field == 'termMonths' }.message", equalTo("must be at least one month"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON)
                .body(bad)
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(400)
                .body("detail", equalTo("请求中有 2 个字段有误。"))
                .body("errors.find { it.field == 'assetShare' }.message", equalTo("须在 0 到 1 之间"))
                .body("errors.find { it.field == 'termMonths' }.message", equalTo("期限不能少于一个月"));
        Map<String, Object> missing = policy("missing-cap");
        missing.remove("lineCap");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(missing)
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("lineCap"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(policy("admin-policy"))
                .post("/api/v1/lender-policies")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/lender-policies")
                .then()
                .statusCode(403);
    }
}

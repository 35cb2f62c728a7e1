package org.ruralcredit.rating.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.service.HouseholdRater;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class ScorecardModelResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    HouseholdRater rater;

    private static String defaultDocument() throws IOException {
        try (InputStream in = ScorecardModelResourceTest.class
                .getClassLoader()
                .getResourceAsStream("scorecards/household-default-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedModelsAreInstalledAndOneIsActive() {
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/models/household-default/1")
                .then()
                .statusCode(200)
                .body("document.maxPoints", equalTo(100))
                .body("document.groups.size()", equalTo(6))
                .body("document.gradeBands.grade", hasItems("AAA", "AA", "A"));
        // v2 corrects the on-time indicator's description; where v1 was active it waits for an administrator
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/models/household-default/2")
                .then()
                .statusCode(200)
                .body(
                        "document.groups.find { it.code == 'CREDIT' }.indicators.find { it.code == 'on-time-rate' }.descriptionEn",
                        Matchers.startsWith("Loans never overdue ÷ loans"));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/models")
                .then()
                .statusCode(200)
                .body("findAll { it.code == 'household-default' && it.status == 'ACTIVE' }.size()", equalTo(1));
    }

    @Test
    void aBrokenModelIsRefusedWithEveryProblemListed() throws IOException {
        String broken = defaultDocument()
                .replace("\"HEAD_AGE\"", "\"HEAD_SHOE_SIZE\"")
                .replace("\"maxPoints\": 100", "\"maxPoints\": 90")
                .replace("\"version\": 1", "\"version\": 999");
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(broken)
                .post("/api/v1/models")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("maxPoints", "groups[0].indicators[0].input"))
                .body("errors.size()", greaterThanOrEqualTo(2))
                .body("code", equalTo("model.invalid"))
                .body("detail", Matchers.matchesPattern("The model has \\d+ problem\\(s\\); it was not saved\\."))
                .body("errors.find { it.field == 'maxPoints' }.code", equalTo("model.max-points-sum"))
                .body(
                        "errors.find { it.field == 'maxPoints' }.message",
                        equalTo("is 90 but the indicators' maxima add up to 100"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON)
                .body(broken)
                .post("/api/v1/models")
                .then()
                .statusCode(400)
                .body("code", equalTo("model.invalid"))
                .body("title", equalTo("请求内容有误"))
                .body("detail", Matchers.matchesPattern("该模型有 \\d+ 处问题，未予保存。"))
                .body("errors.find { it.field == 'maxPoints' }.args.sum", equalTo(100))
                .body("errors.find { it.field == 'maxPoints' }.message", equalTo("满分为 90，但各指标最高分合计为 100"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/models/household-default/999")
                .then()
                .statusCode(404);
    }

    @Test
    void aNewVersionIsSavedAsDraftActivatedAndTheOldOneRetired() throws IOException {
        int version = 2 + (int) (System.currentTimeMillis() % 1_000_000);
        String next = defaultDocument().replace("\"version\": 1", "\"version\": " + version);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(next)
                .post("/api/v1/models")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("createdBy", equalTo(CREDIT_ADMIN));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(next)
                .post("/api/v1/models")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:model-version-exists"));
        int previous = fixtures.activeModelVersion();
        try {
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .post("/api/v1/models/household-default/{v}/activate", version)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            given().header("Authorization", bearer(AUDITOR))
                    .get("/api/v1/models/household-default/{v}", previous)
                    .then()
                    .statusCode(200)
                    .body("summary.status", equalTo("RETIRED"));
        } finally {
            fixtures.activateElsewhere(previous);
        }
    }

    @Test
    void aModelUnderAnotherCodeIsKeptButNeverActivated() throws IOException {
        int version = 1 + (int) (System.currentTimeMillis() % 1_000_000);
        String regional = defaultDocument()
                .replace("\"code\": \"household-default\"", "\"code\": \"household-ningbo\"")
                .replace("\"version\": 1", "\"version\": " + version);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(regional)
                .post("/api/v1/models")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .post("/api/v1/models/household-ningbo/{v}/activate", version)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:model-code-not-rated"))
                .body("detail", Matchers.containsString("new version of household-default"));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/models/household-ningbo/{v}", version)
                .then()
                .statusCode(200)
                .body("summary.status", equalTo("DRAFT"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .post("/api/v1/models/household-ningbo/{v}/activate", version + 1)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * The rater reads the active version at every batch: an activation here and one made through
     * another replica (straight in the table, behind this instance's back) both rate the next batch.
     */
    @Test
    void everyReplicaRatesWithTheVersionActivatedLast() throws IOException {
        int version = 2 + (int) (System.currentTimeMillis() % 1_000_000);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(defaultDocument().replace("\"version\": 1", "\"version\": " + version))
                .post("/api/v1/models")
                .then()
                .statusCode(201);
        UUID household = fixtures.household(fixtures.freshVillage(5), null, null);
        int previous = fixtures.activeModelVersion();
        try {
            assertEquals(previous, rateNow(household));
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .post("/api/v1/models/household-default/{v}/activate", version)
                    .then()
                    .statusCode(200);
            assertEquals(version, rateNow(household));
            fixtures.activateElsewhere(previous);
            assertEquals(previous, rateNow(household), "the activation made elsewhere was picked up");
        } finally {
            fixtures.activateElsewhere(previous);
        }
    }

    private int rateNow(UUID household) {
        return QuarkusTransaction.requiringNew()
                .call(() -> rater.rateAll(List.of(household), HouseholdRater.Occasion.EVENT)
                        .get(0)
                        .modelVersion);
    }

    @Test
    void onlyCreditAdministratorsChangeModels() throws IOException {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(defaultDocument())
                .post("/api/v1/models")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(AUDITOR))
                .post("/api/v1/models/household-default/1/activate")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/models")
                .then()
                .statusCode(403);
    }
}

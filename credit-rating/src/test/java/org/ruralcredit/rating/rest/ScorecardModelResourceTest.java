package org.ruralcredit.rating.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ScorecardModelResourceTest {

    private static String defaultDocument() throws IOException {
        try (InputStream in = ScorecardModelResourceTest.class.getClassLoader()
                .getResourceAsStream("scorecards/household-default-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDefaultModelIsInstalledAndActive() {
        given().header("Authorization", bearer(AUDITOR)).get("/api/v1/models/household-default/1")
                .then().statusCode(200)
                .body("summary.status", equalTo("ACTIVE"))
                .body("document.maxPoints", equalTo(100))
                .body("document.groups.size()", equalTo(6))
                .body("document.gradeBands.grade", hasItems("AAA", "AA", "A"));
    }

    @Test
    void aBrokenModelIsRefusedWithEveryProblemListed() throws IOException {
        String broken = defaultDocument()
                .replace("\"HEAD_AGE\"", "\"HEAD_SHOE_SIZE\"")
                .replace("\"maxPoints\": 100", "\"maxPoints\": 90")
                .replace("\"version\": 1", "\"version\": 999");
        given().header("Authorization", bearer(CREDIT_ADMIN)).contentType(ContentType.JSON).body(broken)
                .post("/api/v1/models")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("maxPoints", "groups[0].indicators[0].input"))
                .body("errors.size()", greaterThanOrEqualTo(2));
        given().header("Authorization", bearer(CREDIT_ADMIN)).get("/api/v1/models/household-default/999")
                .then().statusCode(404);
    }

    @Test
    void aNewVersionIsSavedAsDraftActivatedAndTheOldOneRetired() throws IOException {
        int version = 2 + (int) (System.currentTimeMillis() % 1_000_000);
        String next = defaultDocument().replace("\"version\": 1", "\"version\": " + version);
        given().header("Authorization", bearer(CREDIT_ADMIN)).contentType(ContentType.JSON).body(next)
                .post("/api/v1/models")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("createdBy", equalTo(CREDIT_ADMIN));
        given().header("Authorization", bearer(CREDIT_ADMIN)).contentType(ContentType.JSON).body(next)
                .post("/api/v1/models")
                .then().statusCode(409).body("type", equalTo("urn:ruralcredit:problem:model-version-exists"));
        try {
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .post("/api/v1/models/household-default/{v}/activate", version)
                    .then().statusCode(200).body("status", equalTo("ACTIVE"));
            given().header("Authorization", bearer(AUDITOR)).get("/api/v1/models/household-default/1")
                    .then().statusCode(200).body("summary.status", equalTo("RETIRED"));
        } finally {
            given().header("Authorization", bearer(CREDIT_ADMIN)).post("/api/v1/models/household-default/1/activate")
                    .then().statusCode(200);
        }
    }

    @Test
    void onlyCreditAdministratorsChangeModels() throws IOException {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN)).contentType(ContentType.JSON).body(defaultDocument())
                .post("/api/v1/models").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", bearer(AUDITOR)).post("/api/v1/models/household-default/1/activate")
                .then().statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN)).get("/api/v1/models").then().statusCode(403);
    }
}

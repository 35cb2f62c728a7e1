package org.ruralcredit.registry.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.ruralcredit.registry.support.TestHouseholds.file;
import static org.ruralcredit.registry.support.TestHouseholds.residentId;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

/** The gateway's internal read of a household by its head: its service account only, identifiers masked. */
@QuarkusTest
class InternalHouseholdResourceTest {

    private static final String BY_HEAD = "/internal/v1/households/by-head";
    /** 邵家丘村: a village of this test's own, so the village list stays under its limit however long the test databases live. */
    private static final String VILLAGE = "330281100209";

    @Test
    void theGatewaysServiceAccountFindsAHouseholdByItsHeadMasked() {
        String head = residentId('M');
        String id = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file(VILLAGE, head, residentId('F')), "reason", "入户建档"))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String body = given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", head))
                .post(BY_HEAD)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("headResidentId", equalTo(head.substring(0, 6) + "********" + head.substring(14)))
                // the family name only, as every report shows it
                .body("headName", matchesPattern("\\p{IsHan}\\*+"))
                .body("members", equalTo(2))
                .body("facts.assets.housing", equalTo(300000))
                .body("$", not(hasKey("phone")))
                .extract()
                .asString();
        assertFalse(body.contains(head));

        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/internal/v1/households/in-village/" + VILLAGE)
                .then()
                .statusCode(200)
                .body(
                        "find { it.id == '" + id + "' }.headResidentId",
                        equalTo(head.substring(0, 6) + "********" + head.substring(14)));
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/internal/v1/households/in-village/3302811")
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/internal/v1/households/in-village/" + VILLAGE)
                .then()
                .statusCode(403);
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId('M')))
                .post(BY_HEAD)
                .then()
                .statusCode(404);
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", "123"))
                .post(BY_HEAD)
                .then()
                .statusCode(400);
    }

    @Test
    void peopleCannotUseTheInternalReadAndTheServiceAccountNothingElse() {
        for (String user : new String[] {OFFICIAL_LINSHAN, CREDIT_ADMIN, LOAN_OFFICER}) {
            given().header("Authorization", bearer(user))
                    .contentType(ContentType.JSON)
                    .body(Map.of("residentId", residentId('M')))
                    .post(BY_HEAD)
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/api/v1/households?division=330281100")
                .then()
                .statusCode(403);
    }
}

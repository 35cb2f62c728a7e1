package org.ruralcredit.rating.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class VillageResourceTest {

    @Test
    void officialListsOwnTownship() {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("township", "330281100")
                .get("/api/v1/villages")
                .then()
                .statusCode(200);
    }

    @Test
    void refusalsAreProblems() {
        given().get("/api/v1/villages/330281100200").then().statusCode(401).contentType("application/problem+json");
        // village clerks have no read permission on the rating service's directory
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/villages/330281100200")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .queryParam("township", "330281100")
                .get("/api/v1/villages")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/villages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("township"));
    }
}

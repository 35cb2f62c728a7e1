package org.ruralcredit.sme.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EnterpriseResourceTest {

    @Test
    void lenderPagesThroughTheArchive() {
        given().header("Authorization", bearer(LOAN_OFFICER)).queryParam("division", "330281").queryParam("size", 20)
                .get("/api/v1/enterprises")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("total", greaterThanOrEqualTo(0));
    }

    @Test
    void unknownFirmIsNotFoundAndBadCodeIsInvalid() {
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/enterprises/91330281MA2AAAAA0X")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(LOAN_OFFICER)).get("/api/v1/enterprises/91330281-IO")
                .then().statusCode(400).body("errors[0].field", equalTo("uscc"));
        given().header("Authorization", bearer(LOAN_OFFICER)).queryParam("size", 100_000).get("/api/v1/enterprises")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void villageClerksAndAnonymousCallersAreRefused() {
        given().header("Authorization", bearer(CLERK_LINSHAN)).get("/api/v1/enterprises")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/enterprises").then().statusCode(401).contentType("application/problem+json");
    }
}

package org.ruralcredit.morality.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class StandardResourceTest {

    @Test
    void clerkSeesTheFourStandardsInOrderWithCapsSummingTo100() {
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .body("nameZh", contains("遵纪守法·行为文明", "热心公益·支持发展", "诚实守信·勤劳致富", "家庭和睦·邻里团结"))
                .body("[0].pointsCap", equalTo(36))
                .body("pointsCap.sum()", equalTo(100));
    }

    @Test
    void lendersAndAnonymousCallersAreRefused() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/standards")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().get("/api/v1/standards").then().statusCode(401).contentType("application/problem+json");
    }
}

package org.ruralcredit.gateway.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Old links to the gateway's console pages reach the web console, path and query kept, without signing in here. */
@QuarkusTest
class ConsoleRedirectResourceTest {

    @Test
    void theRootAndAConsolePageAreSentToTheConsole() {
        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(301)
                .header("Location", equalTo("http://127.0.0.1:8085/console"));
        given().redirects()
                .follow(false)
                .get("/console/households?division=330281100&page=2")
                .then()
                .statusCode(301)
                .header("Location", equalTo("http://127.0.0.1:8085/console/households?division=330281100&page=2"));
    }
}

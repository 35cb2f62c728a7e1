package org.ruralcredit.morality.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.testing.Management;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code http_server_requests} labels requests by route template, also when they are refused
 * before routing, and every request that matched no route with one label: no resident ID and no
 * junk path reaches the metrics (read on the management port).
 */
@QuarkusTest
class HttpMetricsLabelTest {

    private static final String RESIDENT_ID = "33028119850117161X";

    @Test
    void pathsNeverReachTheMetricsInClear() {
        given().get("/api/v1/households/" + RESIDENT_ID + "/nonexistent").then().statusCode(401);
        given().get("/api/v1/households/" + RESIDENT_ID + "/profile").then().statusCode(401);
        given().get("/no-such-page-zq81/" + RESIDENT_ID).then().statusCode(Matchers.greaterThanOrEqualTo(400));
        given().get("/api/v1/no-such-collection-zq82").then().statusCode(401);

        String metrics = Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String requests = metrics.lines()
                .filter(l -> l.startsWith("http_server_requests"))
                .reduce("", (a, b) -> a + b + "\n");
        assertFalse(metrics.contains(RESIDENT_ID), "a resident ID in the metrics:\n" + requests);
        assertFalse(
                metrics.contains("zq81") || metrics.contains("zq82"),
                "a raw unknown path in the metrics:\n" + requests);
        assertTrue(
                requests.contains("uri=\"/api/v1/households/{householdId}/profile\"")
                        && requests.contains("status=\"401\""),
                "a refused request to a known route carries its template:\n" + requests);
        assertTrue(requests.contains("uri=\"/NOT_FOUND\""), "unknown paths share one label:\n" + requests);
    }
}

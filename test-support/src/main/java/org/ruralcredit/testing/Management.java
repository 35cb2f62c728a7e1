package org.ruralcredit.testing;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Quarkus' management interface of the service under test: {@code /q/*} (health, metrics, OpenAPI,
 * Swagger UI) is served there, on a port of its own ({@code quarkus.management.test-port}, a free
 * one chosen at start), and not on the application port that RestAssured's default points at.
 */
public final class Management {

    private Management() {}

    /** The management port of the running {@code @QuarkusTest} application. */
    @SuppressWarnings("removal") // its replacement needs the test's ValueRegistry, which a static helper has not
    public static int port() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }

    /** A RestAssured request to the management interface (paths start with {@code /q/}). */
    @SuppressWarnings("removal") // as port()
    public static RequestSpecification given() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return RestAssured.given()
                .baseUri(uri.getScheme() + "://" + uri.getHost())
                .port(uri.getPort());
    }
}

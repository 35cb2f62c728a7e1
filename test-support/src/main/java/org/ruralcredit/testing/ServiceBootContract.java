package org.ruralcredit.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service must show once booted against the real servers: its migrations ran, it is
 * ready (the database; Kafka on its own health group), and its API description and metrics are served on the management
 * interface and not on the application port. A service's test
 * extends this and names its database and its own first migration.
 */
public abstract class ServiceBootContract {

    protected abstract DataSource dataSource();

    /** The OpenAPI title the service announces. */
    protected abstract String apiTitle();

    @Test
    void sharedAndOwnMigrationsRan() throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT version, success FROM flyway_schema_history WHERE version IN ('0.1', '1')")) {
            int succeeded = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertTrue(rs.getBoolean(2), "migration " + rs.getString(1) + " failed");
                    succeeded++;
                }
            }
            assertTrue(succeeded == 2, "the shared outbox/inbox migration and the service's first one ran");
        }
    }

    @Test
    void readinessIsTheDatabaseAndKafkaHasAGroupOfItsOwn() {
        Management.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka broker")));
        Management.given()
                .get("/q/health/group/kafka")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka broker' }.data.nodes", greaterThanOrEqualTo(1));
    }

    @Test
    void apiDescriptionAndMetricsAreServedWithoutATokenOnTheManagementPortOnly() {
        Management.given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo(apiTitle()));
        Management.given().get("/q/swagger-ui/").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200);
        Management.given().get("/q/health/live").then().statusCode(200);
        Management.given().get("/q/health/started").then().statusCode(200);
        // the application port serves none of /q/*
        for (String path :
                new String[] {"/q/openapi", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
    }
}

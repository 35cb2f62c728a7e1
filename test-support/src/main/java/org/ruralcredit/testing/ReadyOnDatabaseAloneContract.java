package org.ruralcredit.testing;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * What a service's PostgreSQL-only tests rely on: under a profile that points Kafka and Keycloak at
 * closed ports, the service starts and is ready on its database alone. A service's test extends
 * this under that profile.
 */
public abstract class ReadyOnDatabaseAloneContract {

    /**
     * Readiness is the database only, so it holds while the broker is away. (The broker's own health
     * group would answer DOWN only after its 3 s timeout, so it is not asked here.)
     */
    @Test
    void readyOnTheDatabaseAlone() {
        Management.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")));
    }
}

package org.ruralcredit.rating.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.ruralcredit.testing.Management;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** What the profile's tests rely on: the service starts and is ready on its database alone. */
@QuarkusTest
@TestProfile(PostgresOnlyProfile.class)
class ReadyWithoutKafkaAndKeycloakTest {

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

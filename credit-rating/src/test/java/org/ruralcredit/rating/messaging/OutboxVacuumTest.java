package org.ruralcredit.rating.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.Fixtures;

import static io.restassured.RestAssured.given;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The outbox relay vacuums its table after so many stamped events (100 in the test profile), so
 * its scans for unpublished rows do not walk the index entries of published ones.
 */
@QuarkusTest
class OutboxVacuumTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Test
    void aBurstOfEventsIsFollowedByAVacuumOfTheOutbox() {
        long before = vacuums();
        Map.Entry<String, Set<UUID>> township = fixtures.freshTownship(150, 150);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", township.getKey()))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(201);
        // 300 ratings announced and stamped: the relay vacuums at least once after 100
        Fixtures.eventually(() -> vacuums() > before && unpublished() == 0, Duration.ofSeconds(60));
    }

    private long vacuums() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = 'outbox_event'::regclass")
                                .getSingleResult())
                        .longValue());
    }

    private long unpublished() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number)
                                em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                                        .getSingleResult())
                        .longValue());
    }
}

package org.ruralcredit.system;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.testing.KafkaSend;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * A village-profile change committed in farmer-registry reaches credit-rating through the outbox,
 * Kafka and the inbox exactly once in effect: with one event delivered twice on purpose, and with
 * credit-rating killed (SIGKILL) in the middle of the stream and started again.
 */
@SharedStack.Uses
class OutboxToInboxTest {

    private static final String TOPIC = "test." + EventCatalog.VILLAGE_PROFILE_CHANGED.topic();
    /** Four villages of 临山镇. */
    private static final List<String> VILLAGES =
            List.of("330281100203", "330281100204", "330281100205", "330281100206");

    private static final int CHANGES_PER_VILLAGE = 10;

    private static ServiceProcess registry;
    private static ServiceProcess rating;

    @BeforeAll
    static void startServices() throws Exception {
        SharedStack.start();
        registry = SharedStack.service(SharedStack.REGISTRY);
        rating = SharedStack.service(SharedStack.RATING);
    }

    /** credit-rating, killed in the test, runs again for the suites after this one (when the test did not get so far). */
    @AfterAll
    static void restartStopped() throws Exception {
        SharedStack.start();
    }

    @Test
    void everyChangeArrivesExactlyOnceThroughDuplicatesAndACrash() throws Exception {
        Map<String, Integer> lastHouseholds = new HashMap<>();
        Map<String, Integer> lastRevision = new HashMap<>();
        List<KafkaTail.Received> published;
        try (KafkaTail tail = KafkaTail.of(TOPIC)) {
            for (int round = 0; round < CHANGES_PER_VILLAGE; round++) {
                if (round == CHANGES_PER_VILLAGE / 2) {
                    rating.kill();
                }
                for (String village : VILLAGES) {
                    int households = 300 + round * 10 + VILLAGES.indexOf(village);
                    int revision = changeProfile(village, households);
                    lastHouseholds.put(village, households);
                    lastRevision.put(village, revision);
                }
            }
            published = tail.await(
                    e -> VILLAGES.contains(e.aggregateId()),
                    VILLAGES.size() * CHANGES_PER_VILLAGE,
                    Duration.ofSeconds(60));
        }
        assertEquals(VILLAGES.size() * CHANGES_PER_VILLAGE, published.size(), "one event per committed change");

        // the same event once more, as a rebalance or a relay retry would deliver it
        KafkaTail.Received first = published.get(0);
        KafkaSend.send(TOPIC, first.event());

        rating.start();
        awaitRatingSees(lastHouseholds, lastRevision, Duration.ofSeconds(60));

        List<UUID> eventIds = published.stream().map(r -> r.event().eventId()).toList();
        assertEquals(eventIds.size(), eventIds.stream().distinct().count());
        assertEquals(eventIds.size(), appliedInRating(eventIds), "every event applied, none lost");
    }

    private static int changeProfile(String village, int households) {
        String auth = bearer(OFFICIAL_LINSHAN);
        var current = given().header("Authorization", auth)
                .get(registry.baseUrl() + "/api/v1/villages/{code}/profile", village);
        int revision = current.statusCode() == 404 ? 0 : current.path("revision");
        return given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "totalHouseholds",
                        households,
                        "population",
                        households * 3,
                        "figuresAsOf",
                        "2026-06-30",
                        "expectedRevision",
                        revision))
                .put(registry.baseUrl() + "/api/v1/villages/{code}/profile", village)
                .then()
                .statusCode(200)
                .extract()
                .path("revision");
    }

    private static void awaitRatingSees(
            Map<String, Integer> households, Map<String, Integer> revisions, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String auth = bearer(CREDIT_ADMIN);
        for (String village : VILLAGES) {
            while (true) {
                var response = given().header("Authorization", auth)
                        .get(rating.baseUrl() + "/api/v1/villages/{code}", village);
                if (response.statusCode() == 200
                        && ((Number) response.path("sourceRevision")).intValue() == revisions.get(village)) {
                    assertEquals(households.get(village), response.<Integer>path("totalHouseholds"));
                    break;
                }
                assertTrue(Instant.now().isBefore(deadline), "credit-rating did not catch up with village " + village);
                Thread.sleep(200);
            }
        }
    }

    private static long appliedInRating(List<UUID> eventIds) throws SQLException {
        return TestDatabase.RATING.count(
                "SELECT count(*) FROM inbox_event WHERE consumer = 'village-directory' AND event_id = ANY(?)",
                eventIds);
    }

    @Test
    void aHouseholdFiledInTheRegistryIsRatedByCreditRating() {
        String head = SystemFixtures.residentId('M');
        String spouse = SystemFixtures.residentId('F');
        Map<String, Object> file = SystemFixtures.householdFile(head, spouse);

        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.HOUSEHOLD_RATED.topic())) {
            String id = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("file", file, "reason", "入户建档"))
                    .post(registry.baseUrl() + "/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            List<KafkaTail.Received> rated = tail.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(60));
            assertEquals(1, rated.size(), "the registry's change reached credit-rating and was rated");
            var rating = rated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED);
            assertEquals("330281100202", rating.villageCode());
            assertEquals(1, rating.sourceVersion());
            assertTrue(rating.creditHousehold(), "a strong processing household is a credit household");
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .get(rating().baseUrl() + "/api/v1/households/{id}/rating", id)
                    .then()
                    .statusCode(200)
                    .body("grade", Matchers.equalTo(rating.grade()));
        }
    }

    private static ServiceProcess rating() {
        return rating;
    }
}

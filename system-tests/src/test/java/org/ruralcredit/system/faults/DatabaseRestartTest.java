package org.ruralcredit.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.TestDatabase;
import org.ruralcredit.system.hostile.Fixtures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Fault 4: PostgreSQL is stopped for a few seconds and started again while three officials keep
 * opening household files and credit-rating consumes the events. Neither service is restarted.
 * Every request is answered: 201, or a 5xx problem+json; every 201 is a whole file (household,
 * its revision, its event) and nothing else was stored; writes succeed again once the database
 * is back; credit-rating rates every household that was stored, none lost to the dead-letter topic.
 */
@EnabledIfSystemProperty(named = "faults", matches = "true")
class DatabaseRestartTest {

    private static final int WRITERS = 3;
    private static final int DOWN_SECONDS = 5;

    /** Its own schemas and topics: some 650 households a run stay out of the villages other suites read. */
    private static final Isolated WORLD = new Isolated("fault_pg", "fault-pg.");

    private static ServiceProcess registry;
    private static ServiceProcess rating;

    @BeforeAll
    static void startServices() throws Exception {
        SharedStack.stop(); // this suite needs the ports, or stops what the shared platform runs on
        WORLD.reset(TestDatabase.REGISTRY, TestDatabase.RATING);
        registry = new ServiceProcess("farmer-registry", 18081, WORLD.service(TestDatabase.REGISTRY)).start();
        rating = new ServiceProcess("credit-rating", 18082, WORLD.rating()).start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        ServiceProcess.closeAll(rating, registry);
    }

    /** One answer of the registry: when, its status and content type, and the file's id if stored. */
    private record Answer(Instant at, int status, String contentType, String body, String householdId) {}

    @Test
    void servicesRecoverWithoutRestartAndNothingIsHalfStored() throws Exception {
        Instant start = TestDatabase.REGISTRY.now();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(pool.submit(() -> {
                Fixtures fixtures = new Fixtures();
                while (writing.get()) {
                    Response r = fixtures.postHousehold(registry.baseUrl());
                    answers.add(new Answer(
                            Instant.now(),
                            r.statusCode(),
                            r.contentType(),
                            r.asString(),
                            r.statusCode() == 201 ? r.path("id") : null));
                }
                return null;
            }));
        }
        Instant restarted;
        try {
            Thread.sleep(5_000);
            new StackComponent("postgresql").restart(DOWN_SECONDS);
            restarted = Instant.now();
            Thread.sleep(15_000);
        } finally {
            writing.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the writers finished");
        }
        for (Future<?> writer : writers) {
            writer.get();
        }

        List<Answer> failed = answers.stream().filter(a -> a.status() != 201).toList();
        for (Answer a : failed) {
            assertTrue(a.status() >= 500, "a write during the outage is the server's failure, not the caller's: " + a);
            assertEquals("application/problem+json", a.contentType(), "a failure is problem+json: " + a);
            assertFalse(a.body().contains("Exception") || a.body().contains("org."), "no internals in " + a.body());
        }
        assertFalse(failed.isEmpty(), "the restart cut some requests: otherwise this test proved nothing");
        List<Answer> afterwards = answers.stream()
                .filter(a -> a.at().isAfter(restarted.plusSeconds(5)))
                .toList();
        assertTrue(
                afterwards.size() >= 5 && afterwards.stream().allMatch(a -> a.status() == 201),
                "5 s after the database returned every write succeeds again, without restarting the service: "
                        + afterwards.stream()
                                .filter(a -> a.status() != 201)
                                .limit(3)
                                .toList());

        Set<UUID> stored = new HashSet<>();
        answers.stream()
                .filter(a -> a.householdId() != null)
                .forEach(a -> stored.add(UUID.fromString(a.householdId())));
        assertEquals(
                stored.size(),
                TestDatabase.REGISTRY.countSince(
                        "SELECT count(*) FROM fault_pg.household WHERE created_at >= ?", start),
                "a file for every 201 and none for a failure");
        assertEquals(
                stored.size(),
                TestDatabase.REGISTRY.count(
                        "SELECT count(*) FROM fault_pg.household_revision WHERE version = 1 AND household_id = ANY(?)",
                        stored),
                "every stored file has its first revision");
        assertEquals(
                stored.size(),
                TestDatabase.REGISTRY.count(
                        "SELECT count(DISTINCT aggregate_id) FROM fault_pg.outbox_event WHERE aggregate_id::uuid = ANY(?)",
                        stored),
                "every stored file has its event in the outbox");

        awaitRated(stored, Duration.ofMinutes(2));
        System.out.printf(
                "PostgreSQL restart (%d s away): %d writes answered, %d stored, %d refused with 5xx "
                        + "problem+json, none half-stored; all %d rated%n",
                DOWN_SECONDS, answers.size(), stored.size(), failed.size(), stored.size());
    }

    private static void awaitRated(Set<UUID> households, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long rated;
        while ((rated = TestDatabase.RATING.count(
                        "SELECT count(*) FROM fault_pg.household_current_rating WHERE household_id = ANY(?)",
                        households))
                < households.size()) {
            assertTrue(
                    Instant.now().isBefore(deadline),
                    rated + " of " + households.size() + " stored households rated: events were lost to the restart");
            Thread.sleep(1_000);
        }
        // the ratings are served, too
        String any = households.iterator().next().toString();
        given().baseUri(rating.baseUrl())
                .header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/households/{id}/rating", any)
                .then()
                .statusCode(200);
    }
}

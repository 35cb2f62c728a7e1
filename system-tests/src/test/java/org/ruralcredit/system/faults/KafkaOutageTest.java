package org.ruralcredit.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.TestDatabase;
import org.ruralcredit.system.hostile.Fixtures;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Fault 3: the Kafka broker is down for 60 seconds while an official keeps opening and correcting
 * household files. Every write succeeds (the outbox holds the events), nothing is published while
 * the broker is away, both services stay ready and alive while /q/health/group/kafka reports it, and once it is back every event arrives, in order per household, and
 * credit-rating — never restarted — rates every household.
 */
@EnabledIfSystemProperty(named = "faults", matches = "true")
class KafkaOutageTest {

    private static final String TOPIC = "test." + EventCatalog.HOUSEHOLD_CHANGED.topic();
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private static ServiceProcess registry;
    private static ServiceProcess rating;

    @BeforeAll
    static void startServices() throws Exception {
        SharedStack.stop(); // this suite needs the ports, or stops what the shared platform runs on
        registry = new ServiceProcess("farmer-registry", 18081).start();
        rating = new ServiceProcess("credit-rating", 18082).start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        ServiceProcess.closeAll(rating, registry);
    }

    @Test
    void writesGoOnWhileKafkaIsDownAndEveryEventArrivesInOrderAfterwards() throws Exception {
        Fixtures fixtures = new Fixtures();
        StackComponent kafka = new StackComponent("kafka");
        Map<String, Long> expectedVersion = new LinkedHashMap<>();
        Map<String, Fixtures.Created> files = new HashMap<>();
        List<KafkaTail.Received> received;
        // credit-rating's consumers have joined their groups (a household filed now is rated) before
        // the broker goes: consumers still joining when it went would wait out their 60 s time limit
        // and fail their channel, which restarts a pod by design, not what this suite is about
        fixtures.awaitRated(
                rating.baseUrl(),
                fixtures.householdInRegistry(registry.baseUrl()).id());
        try (KafkaTail tail = KafkaTail.of(TOPIC)) {
            kafka.stop();
            try {
                Instant back = Instant.now().plus(OUTAGE);
                List<String> opened = new ArrayList<>();
                while (Instant.now().isBefore(back)) {
                    Fixtures.Created file = fixtures.householdInRegistry(registry.baseUrl());
                    String id = file.id();
                    files.put(id, file);
                    opened.add(id);
                    expectedVersion.put(id, 1L);
                    if (opened.size() % 2 == 0) {
                        String earlier = opened.get(opened.size() - 2);
                        correct(files.get(earlier), expectedVersion.get(earlier));
                        expectedVersion.put(earlier, expectedVersion.get(earlier) + 1);
                    }
                    Thread.sleep(1_000);
                }
                assertTrue(opened.size() >= 20, "only " + opened.size() + " files opened during the outage");
                assertTrue(unpublished() > 0, "with the broker down the events wait in the outbox");
                // a minute into the outage: still ready (the Service keeps sending writes) and alive
                // (no restart), while the broker's own group says it is away
                for (ServiceProcess service : List.of(registry, rating)) {
                    given().baseUri(service.managementUrl())
                            .get("/q/health/ready")
                            .then()
                            .statusCode(200);
                    given().baseUri(service.managementUrl())
                            .get("/q/health/live")
                            .then()
                            .statusCode(200);
                    given().baseUri(service.managementUrl())
                            .get("/q/health/group/kafka")
                            .then()
                            .statusCode(503)
                            .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN"));
                }
            } finally {
                // back whatever happened, or every later suite would find no broker
                kafka.start();
            }
            long events =
                    expectedVersion.values().stream().mapToLong(Long::longValue).sum();
            received = new ArrayList<>();
            Set<UUID> distinct = new HashSet<>();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (distinct.size() < events && Instant.now().isBefore(deadline)) {
                for (KafkaTail.Received r : tail.await(
                        e -> expectedVersion.containsKey(e.aggregateId()),
                        (int) (events - distinct.size()),
                        Duration.ofSeconds(5))) {
                    received.add(r);
                    distinct.add(r.event().eventId());
                }
            }
            assertEquals(events, distinct.size(), "every change written during the outage is published");
        }
        // At-least-once on the wire: a batch the broker half-acknowledged as it came back is sent again
        // whole, and the consumers' inbox absorbs the copies. What must hold is the order of first arrivals.
        Map<String, Long> lastSeen = new HashMap<>();
        int copies = 0;
        for (KafkaTail.Received r : received) {
            HouseholdChanged changed = (HouseholdChanged) r.event().data();
            long previous = lastSeen.getOrDefault(changed.householdId(), 0L);
            if (changed.version() <= previous) {
                copies++;
                continue;
            }
            assertEquals(previous + 1, changed.version(), "events of household " + changed.householdId() + " in order");
            lastSeen.put(changed.householdId(), changed.version());
        }
        assertEquals(expectedVersion, lastSeen);
        assertTrue(
                copies < received.size() / 2,
                copies + " copies among " + received.size()
                        + " records: a batch must not be queued again on every pass while the broker is away");
        System.out.printf(
                "Kafka outage: %d files opened, %d events written, %d records received (%d copies)%n",
                expectedVersion.size(), received.size() - copies, received.size(), copies);
        awaitRated(expectedVersion.keySet(), Duration.ofMinutes(2));
    }

    /** The same file with one more year of residence, over the version the caller last wrote. */
    private static void correct(Fixtures.Created household, long version) {
        ObjectNode file = (ObjectNode) household.body().get("file").deepCopy();
        file.put("yearsResident", file.get("yearsResident").asInt() + (int) version);
        ObjectNode write = JsonNodeFactory.instance.objectNode();
        write.set("file", file);
        write.put("reason", "核实居住年限");
        write.put("expectedVersion", version);
        given().baseUri(registry.baseUrl())
                .header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(write.toString())
                .put("/api/v1/households/{id}", household.id())
                .then()
                .statusCode(200);
    }

    private static long unpublished() throws Exception {
        return TestDatabase.REGISTRY.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
    }

    private static void awaitRated(Set<String> households, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> missing = new ArrayList<>(households);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            missing.removeIf(id -> given().baseUri(rating.baseUrl())
                            .header("Authorization", bearer(CREDIT_ADMIN))
                            .get("/api/v1/households/{id}/rating", id)
                            .statusCode()
                    == 200);
            Thread.sleep(500);
        }
        assertTrue(
                missing.isEmpty(),
                missing.size() + " households were never rated after the broker returned: " + missing);
    }
}

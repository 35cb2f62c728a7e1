package org.ruralcredit.morality.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.morality.TestHouseholds;
import org.ruralcredit.testing.KafkaSend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.TestHouseholds.TOPIC;
import static org.ruralcredit.morality.TestHouseholds.event;
import static org.ruralcredit.morality.TestHouseholds.household;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class HouseholdDirectoryConsumerTest {

    @Inject
    EntityManager em;

    private String statusOf(String id) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/households/{id}/profile", id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private long inboxRows(EventEnvelope<?> e) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ?1")
                        .setParameter(1, e.eventId())
                        .getSingleResult())
                .longValue();
    }

    @Test
    void unknownHouseholdIsRefusedUntilTheRegistryAnnouncesIt() {
        String id = "hh-" + UUID.randomUUID();
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/households/{id}/profile", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("household " + id + " is not in the moral bank's directory"));

        EventEnvelope<HouseholdChanged> created = event(household(id, LINSHAN_VILLAGE, HouseholdChanged.ACTIVE, 1));
        KafkaSend.send(TOPIC, created, created);
        TestHouseholds.awaitKnown(id);

        assertEquals("ACTIVE", statusOf(id));
        assertEquals(1, inboxRows(created), "the second delivery was recognised, not applied again");
    }

    @Test
    void closingIsAppliedAnOlderVersionIsIgnoredAndAClosedHouseholdTakesNoProposals() {
        String id = TestHouseholds.registered(LINSHAN_VILLAGE);
        EventEnvelope<HouseholdChanged> closed = event(household(id, LINSHAN_VILLAGE, HouseholdChanged.CLOSED, 3));
        EventEnvelope<HouseholdChanged> stale = event(household(id, LINSHAN_VILLAGE, HouseholdChanged.ACTIVE, 2));
        KafkaSend.send(TOPIC, closed, stale);
        Instant deadline = Instant.now().plusSeconds(30);
        while (inboxRows(stale) == 0 && Instant.now().isBefore(deadline)) {
            TestHouseholds.sleep(200);
        }

        assertEquals("CLOSED", statusOf(id));
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .contentType("application/json")
                .body(Map.of(
                        "householdId",
                        id,
                        "ruleCode",
                        "P01",
                        "deedDate",
                        LocalDate.now(ServiceClock.CHINA).minusDays(1).toString(),
                        "description",
                        "清理河道"))
                .post("/api/v1/proposals")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:household-closed"));
    }
}

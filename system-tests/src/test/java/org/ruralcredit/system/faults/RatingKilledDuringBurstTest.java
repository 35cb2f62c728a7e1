package org.ruralcredit.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.TestDatabase;
import org.ruralcredit.testing.KafkaSend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault 2: credit-rating is killed with SIGKILL while it consumes a burst of 50,000 household
 * events, and started again. Afterwards every event is applied exactly once (one inbox row each,
 * every household's facts at the event's version) and every household has exactly one rating.
 * It runs in a schema and on topics of its own, so its 50,000 households reach no other suite.
 */
@EnabledIfSystemProperty(named = "faults", matches = "true")
class RatingKilledDuringBurstTest {

    private static final Isolated WORLD = new Isolated("fault_burst", "fault-burst.");
    private static final String TOPIC = "fault-burst." + EventCatalog.HOUSEHOLD_CHANGED.topic();
    private static final int BURST = 50_000;
    private static final String VILLAGE = "330281108202";

    private static ServiceProcess rating;

    @BeforeAll
    static void startRating() throws Exception {
        SharedStack.stop(); // this suite needs the ports, or stops what the shared platform runs on
        WORLD.reset(TestDatabase.RATING);
        rating = new ServiceProcess("credit-rating", 18082, WORLD.rating()).start();
    }

    @AfterAll
    static void stopRating() throws Exception {
        if (rating != null) {
            rating.close();
        }
    }

    @Test
    void noEventLostNoneAppliedTwice() throws Exception {
        List<UUID> households = new ArrayList<>(BURST);
        List<UUID> events = new ArrayList<>(BURST);
        publishBurst(households, events);

        // kill while the burst is being consumed: after some events, well before the last
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long applied;
        while ((applied = applied(events)) < BURST / 10) {
            assertTrue(Instant.now().isBefore(deadline), "credit-rating applied only " + applied + " events");
            Thread.sleep(100);
        }
        rating.kill();
        long appliedAtKill = applied(events);
        assertTrue(appliedAtKill < BURST, "killed mid-burst, not after it");
        rating.start();

        deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (applied(events) < BURST || unrated(households) > 0) {
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "after the restart credit-rating applied " + applied(events) + " of " + BURST + " events and left "
                            + unrated(households) + " households unrated");
            Thread.sleep(1_000);
        }
        assertEquals(
                BURST,
                count(
                        "SELECT count(*) FROM fault_burst.household_facts WHERE household_id = ANY(?) AND source_version = 1",
                        households),
                "every household's facts, at the event's version");
        assertEquals(
                BURST,
                count("SELECT count(*) FROM fault_burst.household_rating WHERE household_id = ANY(?)", households),
                "one rating per household, none doubled by the redelivered events");
        System.out.printf(
                "Rating killed in a burst: %d events, %d applied when killed, all %d applied once, %d ratings%n",
                BURST, appliedAtKill, BURST, BURST);
    }

    private static void publishBurst(List<UUID> households, List<UUID> events) {
        List<EventEnvelope<HouseholdChanged>> burst = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
            String id = UUID.randomUUID().toString();
            HouseholdChanged facts = new HouseholdChanged(
                    id,
                    VILLAGE,
                    VILLAGE.substring(0, 9),
                    VILLAGE.substring(0, 6),
                    HouseholdChanged.ACTIVE,
                    null,
                    1,
                    new HouseholdChanged.Head(40 + i % 20, "M", "JUNIOR_HIGH", "HEALTHY", "FULL"),
                    3,
                    2,
                    20,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null);
            EventEnvelope<HouseholdChanged> event =
                    EventEnvelope.of(EventCatalog.HOUSEHOLD_CHANGED, id, "farmer-registry", facts);
            households.add(UUID.fromString(id));
            events.add(event.eventId());
            burst.add(event);
        }
        KafkaSend.sendEach(TOPIC, burst);
    }

    private static long applied(List<UUID> events) throws Exception {
        return count(
                "SELECT count(*) FROM fault_burst.inbox_event WHERE consumer = 'household-facts' AND event_id = ANY(?)",
                events);
    }

    private static long unrated(List<UUID> households) throws Exception {
        return count(
                "SELECT count(*) FROM fault_burst.household_facts f WHERE f.household_id = ANY(?) "
                        + "AND NOT EXISTS (SELECT 1 FROM fault_burst.household_current_rating c WHERE c.household_id = f.household_id)",
                households);
    }

    private static long count(String sql, List<UUID> ids) throws Exception {
        return TestDatabase.RATING.count(sql, ids);
    }
}

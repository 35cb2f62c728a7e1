package org.ruralcredit.morality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.morality.messaging.HouseholdDirectoryConsumer;
import org.ruralcredit.testing.KafkaSend;

import static io.restassured.RestAssured.given;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Puts households into the service's directory the way production does: registry events on Kafka. */
public final class TestHouseholds {

    /** 临山村委会, the demo clerk's village in 临山镇 (the demo official's township). */
    public static final String LINSHAN_VILLAGE = "330281100202";

    public static final String OTHER_LINSHAN_VILLAGE = "330281100201";
    public static final String TOPIC = "test.registry.household.v1";

    private TestHouseholds() {}

    public static HouseholdChanged household(String id, String villageCode, String status, long version) {
        return new HouseholdChanged(
                id,
                villageCode,
                villageCode.substring(0, 9),
                villageCode.substring(0, 6),
                status,
                HouseholdChanged.CLOSED.equals(status) ? "MOVED_AWAY" : null,
                version,
                null,
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
    }

    public static EventEnvelope<HouseholdChanged> event(HouseholdChanged h) {
        return EventEnvelope.of(EventCatalog.HOUSEHOLD_CHANGED, h.householdId(), "farmer-registry", h);
    }

    /** A new active household of the village, once the consumer has applied it. */
    public static String registered(String villageCode) {
        String id = "hh-" + UUID.randomUUID();
        KafkaSend.send(TOPIC, event(household(id, villageCode, HouseholdChanged.ACTIVE, 1)));
        awaitKnown(id);
        return id;
    }

    public static void awaitKnown(String id) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            int status = given().header("Authorization", bearer(CREDIT_ADMIN))
                    .get("/api/v1/households/{id}/profile", id)
                    .statusCode();
            if (status == 200) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("household " + id + " did not reach the directory in 30 s");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new active household of {@link #LINSHAN_VILLAGE}, entered through the directory consumer's own method. */
    public static String registeredIn(HouseholdDirectoryConsumer directory) {
        String id = "hh-" + UUID.randomUUID();
        directory.onHousehold(EventCodec.encode(event(household(id, LINSHAN_VILLAGE, HouseholdChanged.ACTIVE, 1))));
        return id;
    }
}

package org.ruralcredit.rating.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.EventFormatException;
import org.ruralcredit.events.registry.VillageProfileChanged;
import org.ruralcredit.testing.KafkaSend;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class VillageProfileConsumerTest {

    private static final String TOPIC = "test." + EventCatalog.VILLAGE_PROFILE_CHANGED.topic();
    private static final String DEAD_LETTERS = "test.credit-rating.dead-letter";
    /** 湖堤村委会, 临山镇. */
    private static final String VILLAGE = "330281100200";

    @Inject
    DataSource dataSource;

    private static EventEnvelope<VillageProfileChanged> event(int households, long revision) {
        return new EventEnvelope<>(
                UUID.randomUUID(),
                EventCatalog.VILLAGE_PROFILE_CHANGED.name(),
                Instant.now(),
                VILLAGE,
                "farmer-registry",
                new VillageProfileChanged(
                        VILLAGE,
                        "湖堤村委会",
                        "330281100",
                        "330281",
                        households,
                        households * 3,
                        LocalDate.of(2026, 6, 30),
                        revision));
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnceAndALateOlderOneChangesNothing() throws Exception {
        // revisions grow across runs because the test database is kept
        long revision = System.currentTimeMillis();
        EventEnvelope<VillageProfileChanged> current = event(640, revision);
        EventEnvelope<VillageProfileChanged> older = event(1, revision - 1);

        KafkaSend.send(TOPIC, current, current, older);

        awaitApplied(older.eventId());
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/villages/{code}", VILLAGE)
                .then()
                .statusCode(200)
                .body("totalHouseholds", equalTo(640))
                .body("name", equalTo("湖堤村委会"))
                .body("sourceRevision", equalTo(revision));
        assertEquals(1, inboxRows(current.eventId()), "the duplicate was recognised");
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheStreamMovesOn() throws Exception {
        String malformed = "{\"type\":\"registry.village-profile-changed\",\"eventId\":\"not-a-uuid\",\"at\":"
                + System.nanoTime() + "}";
        EventEnvelope<VillageProfileChanged> after = event(641, System.currentTimeMillis());
        try (KafkaTail deadLetters = KafkaTail.of(DEAD_LETTERS)) {
            KafkaSend.send(TOPIC, new String[] {malformed}, VILLAGE);
            KafkaSend.send(TOPIC, after);

            List<ConsumerRecord<String, String>> stored =
                    deadLetters.awaitRecords(r -> malformed.equals(r.value()), 1, Duration.ofSeconds(30));
            assertEquals(1, stored.size(), "the refused record is on the dead-letter topic");
            ConsumerRecord<String, String> letter = stored.get(0);
            assertEquals(VILLAGE, letter.key());
            assertEquals(TOPIC, header(letter, "dead-letter-topic"));
            assertTrue(Long.parseLong(header(letter, "dead-letter-offset")) >= 0);
            String why = assertThrows(EventFormatException.class, () -> EventCodec.decode(malformed))
                    .getMessage();
            assertTrue(header(letter, "dead-letter-reason").contains(why), header(letter, "dead-letter-reason"));
        }

        awaitApplied(after.eventId());
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/villages/{code}", VILLAGE)
                .then()
                .statusCode(200)
                .body("totalHouseholds", equalTo(641));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private void awaitApplied(UUID eventId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (inboxRows(eventId) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("event " + eventId + " was not applied within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private int inboxRows(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM inbox_event WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

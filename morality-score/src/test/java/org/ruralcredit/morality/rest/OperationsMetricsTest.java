package org.ruralcredit.morality.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.outbox.OutboxRelay;
import org.ruralcredit.testing.Management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics the platform's alerts read (k8s/monitoring/alerts.yaml) are exported on the
 * management port, and the outbox's age follows the oldest unpublished row.
 */
@QuarkusTest
class OperationsMetricsTest {

    /** OutboxRelay's advisory lock key: holding it keeps the relay from publishing meanwhile. */
    private static final long RELAY_LOCK_KEY = 0x52434F5554424F58L;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    private static String metrics() {
        return Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        assertTrue(m.find(), name + " is not exported");
        return Double.parseDouble(m.group(2));
    }

    @Test
    void theAlertsFindTheirMetrics() {
        String metrics = metrics();
        value(metrics, "ruralcredit_outbox_oldest_unpublished_seconds");
        value(metrics, "ruralcredit_chain_verification_failures_total");
        assertTrue(
                metrics.contains("ruralcredit_dead_letters_total{channel=\"registry-household\""),
                "the consuming channel's dead-letter counter is exported from the start");
    }

    @Test
    void theOutboxAgeIsTheOldestUnpublishedRowsAndZeroWithoutOne() throws SQLException {
        try (Connection lock = dataSource.getConnection();
                Statement s = lock.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + RELAY_LOCK_KEY + ")");
            try {
                relay.measureBacklog();
                double before = relay.oldestUnpublishedSeconds();
                assertTrue(before < 3600, "no hour-old unpublished row to begin with: " + before);
                UUID id = UUID.randomUUID();
                s.executeUpdate(
                        "INSERT INTO outbox_event (event_id, event_type, topic, aggregate_id, payload, created_at)"
                                + " VALUES ('" + id
                                + "', 'probe', 'test.outbox-age-probe', 'probe', '{}', now() - interval '2 hours')");
                try {
                    relay.measureBacklog();
                    // ORDER BY id: the probe is the oldest by id only when nothing else waits
                    if (before == 0) {
                        assertTrue(
                                relay.oldestUnpublishedSeconds() >= 7200,
                                "the probe's age: " + relay.oldestUnpublishedSeconds());
                        assertTrue(value(metrics(), "ruralcredit_outbox_oldest_unpublished_seconds") >= 7200);
                    }
                } finally {
                    s.executeUpdate("DELETE FROM outbox_event WHERE event_id = '" + id + "'");
                }
                relay.measureBacklog();
                assertTrue(relay.oldestUnpublishedSeconds() < 3600);
                if (before == 0) {
                    assertEquals(0.0, relay.oldestUnpublishedSeconds());
                }
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK_KEY + ")");
            }
        }
    }
}

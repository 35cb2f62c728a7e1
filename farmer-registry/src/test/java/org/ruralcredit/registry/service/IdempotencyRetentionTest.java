package org.ruralcredit.registry.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.idempotency.IdempotencyConfig;
import org.ruralcredit.commons.idempotency.IdempotencyRetention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys older than ruralcredit.idempotency.keep are deleted; younger ones stay. */
@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyRetention retention;

    @Inject
    IdempotencyConfig config;

    private void insert(String caller, Instant createdAt) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO idempotency_key
                            (caller, idempotency_key, operation, fingerprint, status, body, created_at)
                        VALUES (?, 'k-1', 'createHousehold', ?, 201, ?, ?)""")) {
            s.setString(1, caller);
            s.setString(2, "0".repeat(64));
            s.setBytes(3, new byte[] {1});
            s.setObject(4, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private boolean stored(String caller) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM idempotency_key WHERE caller = ?")) {
            s.setString(1, caller);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    @Test
    void keysOlderThanTheKeepPeriodAreDeletedYoungerOnesKept() throws Exception {
        assertEquals(Duration.ofDays(30), config.keep());
        String old = "retention-old-" + UUID.randomUUID();
        String young = "retention-young-" + UUID.randomUUID();
        Instant now = Instant.now();
        insert(old, now.minus(config.keep()).minus(Duration.ofHours(1)));
        insert(young, now.minus(config.keep()).plus(Duration.ofHours(1)));

        assertTrue(retention.prune() >= 1);

        assertFalse(stored(old));
        assertTrue(stored(young));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM idempotency_key WHERE caller = ?")) {
            s.setString(1, young);
            s.executeUpdate();
        }
    }
}

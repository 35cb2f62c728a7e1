package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.chain.LegacyForm;
import org.ruralcredit.commons.metrics.ChainVerificationFailures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Someone with the database owner's rights switches the append-only trigger off and rewrites an
 * entry: the auditor's verification names the entry, and the failure is counted for the alert
 * (ruralcredit_chain_verification_failures_total). The entry is put back afterwards.
 */
@QuarkusTest
class QueryRegisterTamperingTest {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    private double failures() {
        return metrics.get(ChainVerificationFailures.NAME).counter().count();
    }

    @Test
    void aRewrittenEntryIsFoundByTheAuditorsVerificationAndCounted() throws SQLException {
        // an entry of our own at the head of the chain: a refused report request
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", UUID.randomUUID().toString(), "purpose", "LOAN_APPLICATION"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(403);
        long seq;
        String reason;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, reason FROM query_register ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            seq = rs.getLong(1);
            reason = rs.getString(2);
        }
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        double before = failures();
        rewrite(seq, "GRANTED-BY-HAND");
        try {
            given().header("Authorization", bearer(AUDITOR))
                    .get("/api/v1/query-register/verification")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq));
            assertEquals(before + 1, failures());
        } finally {
            rewrite(seq, reason);
        }
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    /**
     * Entries written before the shared form (chain version 1, as a replica on the old code still
     * writes them during a rolling update) and entries written now verify as one chain; rewriting
     * the old entry, or passing a new entry off as an old one, is found at that entry.
     */
    @Test
    void aRegisterMixingOldFormAndNewFormEntriesVerifiesAndATamperedOneDoesNot() throws SQLException {
        refusedRequest();
        long first = headSeq();
        long old = appendAsBeforeTheSharedForm();
        refusedRequest();
        long newest = headSeq();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT chain_version FROM query_register WHERE seq IN (" + first + ", "
                        + old + ", " + newest + ") ORDER BY seq")) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            assertEquals(List.of(2, 1, 2), versions);
        }
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));

        rewrite(old, "REWRITTEN");
        try {
            given().header("Authorization", bearer(AUDITOR))
                    .get("/api/v1/query-register/verification")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) old));
        } finally {
            rewrite(old, null);
        }
        setVersion(newest, 1);
        try {
            given().header("Authorization", bearer(AUDITOR))
                    .get("/api/v1/query-register/verification")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) newest));
        } finally {
            setVersion(newest, 2);
        }
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    private static void refusedRequest() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", UUID.randomUUID().toString(), "purpose", "LOAN_APPLICATION"))
                .post("/api/v1/reports/households")
                .then()
                .statusCode(403);
    }

    private long headSeq() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(seq) FROM query_register")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Appends an entry at the head as the gateway did before the shared form: no chain_version
     * named (the column's default, 1), hashed over its fields as text, each as UTF-16 length, colon
     * and text, joined with bars. Holds the register's append lock, as the gateway does.
     */
    private long appendAsBeforeTheSharedForm() throws SQLException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID consent = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String prev;
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + 0x5152_4547_4348_4e31L + ")");
                try (ResultSet rs = s.executeQuery("SELECT entry_hash FROM query_register ORDER BY seq DESC LIMIT 1")) {
                    rs.next();
                    prev = rs.getString(1);
                }
            }
            String hash = LegacyForm.REGISTER.hash(
                    prev,
                    Arrays.asList(
                            at.toString(),
                            "old-replica-officer",
                            "YYRCB",
                            "HOUSEHOLD",
                            "cd".repeat(32),
                            "LOAN_APPLICATION",
                            consent.toString(),
                            "REFUSED",
                            null));
            long seq;
            try (PreparedStatement i = c.prepareStatement("""
                    INSERT INTO query_register (recorded_at, username, institution, subject_type, subject_ref, purpose,
                                                consent_id, outcome, reason, prev_hash, entry_hash)
                    VALUES (?, 'old-replica-officer', 'YYRCB', 'HOUSEHOLD', ?, 'LOAN_APPLICATION', ?, 'REFUSED', NULL, ?, ?)
                    RETURNING seq""")) {
                i.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                i.setString(2, "cd".repeat(32));
                i.setObject(3, consent);
                i.setString(4, prev);
                i.setString(5, hash);
                try (ResultSet rs = i.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            }
            c.commit();
            return seq;
        }
    }

    private void setVersion(long seq, int version) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE query_register DISABLE TRIGGER query_register_append_only");
                assertEquals(
                        1,
                        s.executeUpdate(
                                "UPDATE query_register SET chain_version = " + version + " WHERE seq = " + seq));
                s.execute("ALTER TABLE query_register ENABLE TRIGGER query_register_append_only");
            }
            c.commit();
        }
    }

    /** What only the table's owner can do: the trigger off, one reason changed, the trigger on. */
    private void rewrite(long seq, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement u = c.prepareStatement("UPDATE query_register SET reason = ? WHERE seq = ?")) {
                s.execute("ALTER TABLE query_register DISABLE TRIGGER query_register_append_only");
                u.setString(1, reason);
                u.setLong(2, seq);
                assertEquals(1, u.executeUpdate());
                s.execute("ALTER TABLE query_register ENABLE TRIGGER query_register_append_only");
            }
            c.commit();
        }
    }
}

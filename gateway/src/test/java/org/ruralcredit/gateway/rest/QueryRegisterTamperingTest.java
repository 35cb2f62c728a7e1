package org.ruralcredit.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ruralcredit.commons.metrics.ChainVerificationFailures;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

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
        given().header("Authorization", bearer(LOAN_OFFICER)).contentType("application/json")
                .body(Map.of("consentId", UUID.randomUUID().toString(), "purpose", "LOAN_APPLICATION"))
                .post("/api/v1/reports/households").then().statusCode(403);
        long seq;
        String reason;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, reason FROM query_register ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            seq = rs.getLong(1);
            reason = rs.getString(2);
        }
        given().header("Authorization", bearer(AUDITOR)).get("/api/v1/query-register/verification")
                .then().statusCode(200).body("valid", equalTo(true));
        double before = failures();
        rewrite(seq, "GRANTED-BY-HAND");
        try {
            given().header("Authorization", bearer(AUDITOR)).get("/api/v1/query-register/verification")
                    .then().statusCode(200).body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq));
            assertEquals(before + 1, failures());
        } finally {
            rewrite(seq, reason);
        }
        given().header("Authorization", bearer(AUDITOR)).get("/api/v1/query-register/verification")
                .then().statusCode(200).body("valid", equalTo(true));
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

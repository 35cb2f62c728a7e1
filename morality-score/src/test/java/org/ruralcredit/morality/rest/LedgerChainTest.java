package org.ruralcredit.morality.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.chain.LegacyForm;
import org.ruralcredit.commons.metrics.ChainVerificationFailures;
import org.ruralcredit.morality.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.approve;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.proposed;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class LedgerChainTest {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private double failures() {
        return registry.get(ChainVerificationFailures.NAME).counter().count();
    }

    @Test
    void anIntactChainVerifies() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        approve(OFFICIAL_LINSHAN, proposed(household, "P01")).statusCode(200);
        approve(OFFICIAL_LINSHAN, proposed(household, "F01")).statusCode(200);
        double failuresBefore = failures();

        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/households/{id}/chain-verification", household)
                .then()
                .statusCode(200)
                .body("entries", equalTo(2))
                .body("intact", equalTo(true))
                .body("firstBreak", nullValue());
        assertEquals(failuresBefore, failures(), "an intact chain is no failure");
    }

    @Test
    void theTableRefusesUpdatesAndATamperedRowIsReportedAtItsLink() throws SQLException {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        approve(OFFICIAL_LINSHAN, proposed(household, "P01")).statusCode(200);
        String second = approve(OFFICIAL_LINSHAN, proposed(household, "P04"))
                .statusCode(200)
                .extract()
                .path("entry.id");
        approve(OFFICIAL_LINSHAN, proposed(household, "F02")).statusCode(200);

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("UPDATE ledger_entry SET points = 20 WHERE id = '" + second + "'"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());

            // what someone with the table owner's rights could still do: switch the trigger off
            c.setAutoCommit(false);
            s.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only");
            s.executeUpdate("UPDATE ledger_entry SET points = 20 WHERE id = '" + second + "'");
            s.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only");
            c.commit();
            c.setAutoCommit(true);
        }
        double failuresBefore = failures();

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/chain-verification", household)
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("entries", equalTo(3))
                .body("firstBreak.seq", equalTo(2))
                .body("firstBreak.entryId", equalTo(second))
                .body("firstBreak.reason", equalTo("content does not match its hash"));
        // each verification that finds a break counts, for the ChainVerificationFailed alert
        assertEquals(failuresBefore + 1, failures());
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/villages/{code}/chain-verification", LINSHAN_VILLAGE)
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("broken.householdId", hasItem(household))
                .body("broken.find { it.householdId == '" + household + "' }.firstBreak.seq", equalTo(2));
        // the village's: one per broken chain in it (earlier runs of this test left theirs in the village)
        assertTrue(failures() >= failuresBefore + 2, "the village verification counted the break");
    }

    /**
     * A household whose first entry was written before the shared form (chain version 1, hashed as
     * the ledger used to) and whose later entries are written now: the chain verifies across the
     * change, and a change to the old entry or to a new entry's version is still found.
     */
    @Test
    void aChainOfAnOldFormEntryAndNewFormEntriesVerifiesAndATamperedOneDoesNot() throws SQLException {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        String first = approve(OFFICIAL_LINSHAN, proposed(household, "P01"))
                .statusCode(200)
                .extract()
                .path("entry.id");
        try (Connection c = dataSource.getConnection()) {
            asWrittenBeforeTheSharedForm(c, first);
        }
        String second = approve(OFFICIAL_LINSHAN, proposed(household, "P04"))
                .statusCode(200)
                .extract()
                .path("entry.id");
        approve(OFFICIAL_LINSHAN, proposed(household, "F02")).statusCode(200);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT chain_version FROM ledger_entry WHERE household_id = '"
                        + household + "' ORDER BY seq")) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            assertEquals(List.of(1, ChainRule.CURRENT_VERSION, ChainRule.CURRENT_VERSION), versions);
        }
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/households/{id}/chain-verification", household)
                .then()
                .statusCode(200)
                .body("entries", equalTo(3))
                .body("intact", equalTo(true))
                .body("firstBreak", nullValue());

        // a new entry passed off as an old one
        tamper("UPDATE ledger_entry SET chain_version = 1 WHERE id = '" + second + "'");
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/households/{id}/chain-verification", household)
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBreak.seq", equalTo(2))
                .body("firstBreak.reason", equalTo("content does not match its hash"));
        // and the old entry's content changed: the first break is now the old entry
        tamper("UPDATE ledger_entry SET description = description || '!' WHERE id = '" + first + "'");
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/households/{id}/chain-verification", household)
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBreak.seq", equalTo(1))
                .body("firstBreak.entryId", equalTo(first))
                .body("firstBreak.reason", equalTo("content does not match its hash"));
    }

    /**
     * Rewrites a household's first entry as the ledger wrote entries before the shared form: version
     * 1, hashed over its fields as text, each as UTF-8 length, colon, text and a newline.
     */
    private static void asWrittenBeforeTheSharedForm(Connection c, String entryId) throws SQLException {
        List<String> fields;
        try (PreparedStatement q = c.prepareStatement("""
                SELECT id, household_id, seq, kind, rule_code, veto_code, standard_code, catalogue_version, deed_date,
                       points, rule_yearly_cap, reverses_entry_id, proposal_id, description, proposed_by, approved_by,
                       recorded_at, prev_hash
                FROM ledger_entry WHERE id = ?::uuid""")) {
            q.setString(1, entryId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(ChainRule.GENESIS, rs.getString("prev_hash"));
                fields = Arrays.asList(
                        rs.getString("id"),
                        rs.getString("household_id"),
                        rs.getString("seq"),
                        rs.getString("kind"),
                        rs.getString("rule_code"),
                        rs.getString("veto_code"),
                        rs.getString("standard_code"),
                        rs.getString("catalogue_version"),
                        rs.getString("deed_date"),
                        rs.getString("points"),
                        rs.getString("rule_yearly_cap"),
                        rs.getString("reverses_entry_id"),
                        rs.getString("proposal_id"),
                        rs.getString("description"),
                        rs.getString("proposed_by"),
                        rs.getString("approved_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)
                                .toInstant()
                                .toString());
            }
        }
        String legacyHash = LegacyForm.LEDGER.hash(ChainRule.GENESIS, fields);
        tamper(
                c,
                "UPDATE ledger_entry SET chain_version = 1, entry_hash = '" + legacyHash + "' WHERE id = '" + entryId
                        + "'");
    }

    private void tamper(String update) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            tamper(c, update);
        }
    }

    /** What only the table's owner can do: the append-only trigger off for one update. */
    private static void tamper(Connection c, String update) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only");
            s.executeUpdate(update);
            s.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only");
        }
        c.commit();
        c.setAutoCommit(true);
    }
}

package org.ruralcredit.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The report read model rebuilt: a second gateway on a schema of its own, with a consumer group of
 * its own, replays the registry's, credit-rating's (ratings and lenders' policies) and the moral
 * bank's topics from their beginning; once both have caught up, its model equals the one the shared
 * platform's gateway built live, row by row (the sealed head columns compared by presence: each sealing draws a fresh IV),
 * although it was stopped once while replaying and started again.
 */
@SharedStack.Uses
class ReadModelRebuildTest {

    private static final String SCHEMA = "rebuild_suite";
    /** Each table's columns compared (the keys first). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(
                "report_household",
                "household_id, village_code, township_code, status, head_name_enc IS NULL, head_id_enc IS NULL,"
                        + " profile, file_version, file_updated_at, event_id, as_of");
        TABLES.put("report_rating", "household_id, rating_id, rated_at, rating, event_id");
        TABLES.put("report_rating_current", "household_id, rating_id, event_id, as_of");
        TABLES.put("report_morality", "household_id, year, profile, event_id, as_of");
        TABLES.put("report_policy", "institution, policy_id, version, policy, event_id, as_of");
    }

    /**
     * The rows compared. The gateway's module tests empty YYRCB's policies in the live model directly (a
     * lender without a policy of its own is their starting point), which no replay reproduces: that
     * lender's policies are left out of the comparison; every other row is compared.
     */
    private static String rows(String table) {
        return table.equals("report_policy") ? table + " WHERE institution <> 'YYRCB'" : table;
    }

    private static ServiceProcess rebuilt;
    private static List<String> settings;

    @BeforeAll
    static void startBoth() throws Exception {
        SharedStack.start();
        TestDatabase.GATEWAY.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        // a household filed now, so the live model has just applied events the rebuild replays too
        ServiceProcess registry = SharedStack.service(SharedStack.REGISTRY);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "file",
                        SystemFixtures.householdFile(SystemFixtures.residentId('M'), SystemFixtures.residentId('F')),
                        "reason",
                        "入户建档"))
                .post(registry.baseUrl() + "/api/v1/households")
                .then()
                .statusCode(201);
        settings = new ArrayList<>(ServiceProcess.GATEWAY_SETTINGS);
        settings.addAll(List.of(
                "%test.quarkus.datasource.jdbc.url=" + TestDatabase.GATEWAY.urlWithSchema(SCHEMA),
                "quarkus.flyway.schemas=" + SCHEMA,
                "quarkus.flyway.default-schema=" + SCHEMA,
                "mp.messaging.incoming.report-households.group.id=rebuild-suite-report-model",
                "mp.messaging.incoming.report-ratings.group.id=rebuild-suite-report-model",
                "mp.messaging.incoming.report-morality.group.id=rebuild-suite-report-model",
                "mp.messaging.incoming.report-policies.group.id=rebuild-suite-report-model",
                // the early warnings stay with the shared platform's gateway
                "kafka.group.id=rebuild-suite-gateway"));
        rebuilt = new ServiceProcess(SharedStack.GATEWAY, 18390, settings).start();
    }

    @AfterAll
    static void stopRebuilt() throws Exception {
        ServiceProcess.closeAll(rebuilt);
        TestDatabase.GATEWAY.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void aModelRebuiltFromTheTopicsEqualsTheOneBuiltLive() throws Exception {
        // stopped (SIGTERM) as soon as the replay has begun, then started again: records in flight when
        // it stopped are read again by the new process (they once went to the dead-letter topic, lost)
        Instant replaying = Instant.now().plus(Duration.ofMinutes(2));
        while (TestDatabase.GATEWAY.count("SELECT count(*) FROM " + SCHEMA + ".inbox_event") == 0) {
            assertTrue(Instant.now().isBefore(replaying), "the rebuilt gateway did not begin to replay");
            Thread.sleep(50);
        }
        rebuilt.close();
        rebuilt = new ServiceProcess(SharedStack.GATEWAY, 18390, settings).start();
        ServiceProcess live = SharedStack.service(SharedStack.GATEWAY);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        Map<String, long[]> differences;
        while (true) {
            boolean caughtUp = caughtUp(live) && caughtUp(rebuilt);
            differences = differences();
            if (caughtUp && differences.values().stream().allMatch(d -> d[0] == 0 && d[1] == 0)) {
                break;
            }
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "the rebuilt model did not come to equal the live one: " + describe(differences));
            Thread.sleep(1000);
        }
        long households = TestDatabase.GATEWAY.count("SELECT count(*) FROM public.report_household");
        long ratings = TestDatabase.GATEWAY.count("SELECT count(*) FROM public.report_rating");
        assertTrue(households > 0 && ratings > 0, "the live model holds files and ratings to compare");
        for (String table : TABLES.keySet()) {
            assertEquals(
                    TestDatabase.GATEWAY.count("SELECT count(*) FROM public." + rows(table)),
                    TestDatabase.GATEWAY.count("SELECT count(*) FROM " + SCHEMA + "." + rows(table)),
                    table + ": as many rows rebuilt as live");
        }
    }

    /** Whether the gateway's model has nothing left to read in any of its four topics. */
    private static boolean caughtUp(ServiceProcess gateway) {
        String metrics = given().baseUri(gateway.managementUrl())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String source : List.of("registry", "rating", "morality", "policies")) {
            String prefix = "ruralcredit_report_model_behind_events{source=\"" + source + "\"} ";
            boolean zero = metrics.lines()
                    .filter(l -> l.startsWith(prefix))
                    .anyMatch(l -> Double.parseDouble(l.substring(prefix.length())) == 0.0);
            if (!zero) {
                return false;
            }
        }
        return true;
    }

    /** Per table: rows live and not rebuilt, rows rebuilt and not live. */
    private static Map<String, long[]> differences() throws SQLException {
        Map<String, long[]> differences = new LinkedHashMap<>();
        try (Connection c = TestDatabase.GATEWAY.connect()) {
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                String live = "SELECT " + t.getValue() + " FROM public." + rows(t.getKey());
                String rebuilt = "SELECT " + t.getValue() + " FROM " + SCHEMA + "." + rows(t.getKey());
                differences.put(t.getKey(), new long[] {
                    count(c, "SELECT count(*) FROM (" + live + " EXCEPT " + rebuilt + ") d"),
                    count(c, "SELECT count(*) FROM (" + rebuilt + " EXCEPT " + live + ") d")
                });
            }
        }
        return differences;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String describe(Map<String, long[]> differences) {
        StringBuilder text = new StringBuilder();
        differences.forEach((table, d) -> text.append(table)
                .append(": ")
                .append(d[0])
                .append(" only live, ")
                .append(d[1])
                .append(" only rebuilt; "));
        return text.toString();
    }
}

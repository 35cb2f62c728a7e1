package org.ruralcredit.system.backup;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.domain.RegisterChain;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.domain.HashChain;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.SystemFixtures;
import org.ruralcredit.system.TestDatabase;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The platform's own data survives {@code ./stack backup} and {@code ./stack restore}: the
 * moral bank and the gateway run on a schema of their own in their test databases ({@value #SCHEMA},
 * dropped at the start, so every row and every chain in it is this suite's), households are
 * filed through the registry's API, moral-bank deeds proposed and approved, reports asked for at
 * the gateway. Then the services stop, {@code ./stack backup --test} dumps the five test
 * databases and {@code ./stack restore --into _restoretest} restores them into fresh ones; in
 * those the suite finds every household, every ledger entry and every query-register entry, the
 * rows of each table of its schema equal to the source's (backup.sh itself checks every table of
 * every database against the counts taken in the dump's snapshot), and the ledger's and the
 * register's hash chains verify with the platform's own {@link HashChain} and {@link RegisterChain}.
 * The registry's schema of the same name is kept between runs (it holds the official division
 * codes, a minute to load); the suite looks its households up by id.
 * The restored databases are dropped at the end.
 */
class BackupRestoreTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final String SCHEMA = "backup_suite";
    private static final String SUFFIX = "_restoretest";
    private static final int HOUSEHOLDS = 3;
    /** The databases whose suite schema is compared table by table. */
    private static final TestDatabase[] DATABASES = {TestDatabase.MORALITY, TestDatabase.GATEWAY};

    private static ServiceProcess registry;
    private static ServiceProcess morality;
    private static ServiceProcess gateway;
    private static Path backupDir;

    @BeforeAll
    static void startServices() throws Exception {
        SharedStack.stop(); // this suite needs the ports, or stops what the shared platform runs on
        for (int port : new int[] {18380, 18381, 18383}) {
            // a service answering there would be taken for the one this suite starts
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                throw new IllegalStateException(
                        "port " + port + " is taken (a service of an earlier run?); stop it first");
            } catch (ConnectException free) {
                // free, as it must be
            }
        }
        dropRestored();
        for (TestDatabase db : DATABASES) {
            db.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        // the registry's schema is kept from one run to the next (a fresh one first loads the
        // 665,276 official division codes, a minute on a busy machine); the suite finds its
        // households by id
        registry = new ServiceProcess("farmer-registry", 18381, settings(TestDatabase.REGISTRY)).start();
        List<String> moralitySettings = settings(TestDatabase.MORALITY);
        // its own consumer group: the suite's moral bank takes no event from another suite's
        moralitySettings.add("mp.messaging.incoming.registry-household.group.id=backup-suite-morality");
        morality = new ServiceProcess("morality-score", 18383, moralitySettings).start();
        List<String> gatewaySettings = settings(TestDatabase.GATEWAY);
        gatewaySettings.addAll(List.of(
                "ruralcredit.services.registry.url=http://127.0.0.1:18381",
                "ruralcredit.services.rating.url=http://127.0.0.1:1",
                "ruralcredit.services.morality.url=http://127.0.0.1:18383",
                "ruralcredit.services.sme.url=http://127.0.0.1:1",
                "ruralcredit.services.registry.timeout=3s",
                "ruralcredit.services.rating.timeout=1s",
                "ruralcredit.services.morality.timeout=3s",
                "ruralcredit.services.sme.timeout=1s",
                "ruralcredit.queries.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
                "ruralcredit.queries.working-hours-start=00:00",
                "ruralcredit.queries.working-hours-end=23:59:59",
                // its own read model's group: the shared platform's gateway keeps every event of its own
                "mp.messaging.incoming.report-households.group.id=backup-suite-report-model",
                "mp.messaging.incoming.report-ratings.group.id=backup-suite-report-model",
                "mp.messaging.incoming.report-morality.group.id=backup-suite-report-model",
                "mp.messaging.incoming.report-policies.group.id=backup-suite-report-model"));
        gateway = new ServiceProcess("gateway", 18380, gatewaySettings).start();
    }

    private static List<String> settings(TestDatabase db) {
        return new ArrayList<>(List.of(
                "%test.quarkus.datasource.jdbc.url=" + db.urlWithSchema(SCHEMA),
                "quarkus.flyway.schemas=" + SCHEMA,
                "quarkus.flyway.default-schema=" + SCHEMA));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        ServiceProcess.closeAll(gateway, morality, registry);
        dropRestored();
        if (backupDir != null) {
            try (var files = Files.walk(backupDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void householdsLedgerAndRegisterSurviveBackupAndRestore() throws Exception {
        // --- the platform's data, through its APIs
        Map<String, String> households = new LinkedHashMap<>(); // id -> head's resident ID
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String head = SystemFixtures.residentId('M');
            String id = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "file",
                            SystemFixtures.householdFile(head, SystemFixtures.residentId('F')),
                            "reason",
                            "入户建档"))
                    .post(registry.baseUrl() + "/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            households.put(id, head);
        }
        Set<String> entryIds = new LinkedHashSet<>();
        for (String household : households.keySet()) {
            for (String rule : List.of("L02", "L02")) { // two entries a household: a chain of two links
                String proposal = propose(household, rule);
                String entry = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                        .post(morality.baseUrl() + "/api/v1/reviews/{id}/approval", proposal)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("entry.id");
                entryIds.add(entry);
            }
        }
        Set<String> consents = new LinkedHashSet<>();
        for (String head : households.values()) {
            String consent = given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "subjectType",
                            "HOUSEHOLD",
                            "subjectId",
                            head,
                            "purpose",
                            "GUARANTEE_REVIEW",
                            "signedOn",
                            LocalDate.now(CHINA).minusDays(1).toString(),
                            "expiresOn",
                            LocalDate.now(CHINA).plusDays(30).toString(),
                            "letterSha256",
                            "ab".repeat(32)))
                    .post(gateway.baseUrl() + "/api/v1/consents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            consents.add(consent);
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType(ContentType.JSON)
                    .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                    .post(gateway.baseUrl() + "/api/v1/reports/households")
                    .then()
                    .statusCode(200);
        }
        ServiceProcess.closeAll(gateway, morality, registry); // nothing writes the suite's schema any more

        Map<TestDatabase, Map<String, Long>> source = new LinkedHashMap<>();
        for (TestDatabase db : DATABASES) {
            try (Connection c = db.connect()) {
                source.put(db, rowCounts(c));
            }
        }

        // --- ./stack backup, ./stack restore
        backupDir = Files.createTempDirectory("backup-suite-").resolve("backup");
        run("backup", "--test", "--out", backupDir.toString());
        String counts = Files.readString(backupDir.resolve("counts.tsv"), StandardCharsets.UTF_8);
        for (TestDatabase db : DATABASES) {
            assertTrue(
                    counts.contains(role(db) + "_test\t" + SCHEMA + "."),
                    "the backup's manifest counts the rows of " + SCHEMA + " in " + db);
        }
        run("restore", backupDir.toString(), "--into", SUFFIX);

        // --- what the restored databases hold
        for (TestDatabase db : DATABASES) {
            try (Connection c = restored(db)) {
                assertEquals(source.get(db), rowCounts(c), db + ": the restored " + SCHEMA + " tables' rows");
            }
        }
        try (Connection c = restored(TestDatabase.REGISTRY)) {
            Set<String> found = ids(
                    c,
                    "SELECT id::text FROM " + SCHEMA + ".household WHERE id IN ('"
                            + String.join("', '", households.keySet()) + "')");
            assertEquals(households.keySet(), found, "every household restored");
        }
        int links;
        try (Connection c = restored(TestDatabase.MORALITY)) {
            Map<String, List<HashChain.Link>> chains = ledgerChains(c);
            links = 0;
            for (var chain : chains.entrySet()) {
                Optional<HashChain.Break> broken = HashChain.firstBreak(chain.getValue());
                assertTrue(broken.isEmpty(), "household " + chain.getKey() + "'s ledger chain: " + broken);
                links += chain.getValue().size();
            }
            assertTrue(chains.keySet().containsAll(households.keySet()), "every household's ledger restored");
            assertTrue(
                    ids(c, "SELECT id::text FROM " + SCHEMA + ".ledger_entry").containsAll(entryIds),
                    "every ledger entry restored");
            assertEquals(HOUSEHOLDS * 2, links, "ledger entries in the suite's schema");
        }
        try (Connection c = restored(TestDatabase.GATEWAY)) {
            List<RegisterChain.Link> register = registerChain(c);
            RegisterChain.Walk walk = RegisterChain.walk(RegisterChain.GENESIS, register);
            assertTrue(walk.broken().isEmpty(), "the query register's chain: " + walk.broken());
            Set<String> registered = new LinkedHashSet<>();
            register.forEach(l -> registered.add(String.valueOf(l.fields().consentId())));
            assertTrue(registered.containsAll(consents), "every report query registered and restored");
            System.out.printf(
                    "backup and restore: %d households, %d ledger entries in %d chains, %d register entries; "
                            + "rows per table %s%n",
                    households.size(), links, households.size(), register.size(), source);
        }
    }

    private static String propose(String household, String rule) throws InterruptedException {
        Map<String, Object> deed = new HashMap<>();
        deed.put("householdId", household);
        deed.put("ruleCode", rule);
        deed.put("deedDate", LocalDate.now(CHINA).minusDays(1).toString());
        deed.put("description", "村民小组月度评议");
        deed.put("evidenceNote", "村委会记录 第12页");
        // the moral bank learns of the household from the registry's event
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            Response r = given().header("Authorization", bearer(CLERK_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(deed)
                    .post(morality.baseUrl() + "/api/v1/proposals");
            if (r.statusCode() == 201) {
                return r.path("proposal.id");
            }
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "the moral bank did not take a proposal for " + household + ": " + r.asString());
            Thread.sleep(500);
        }
    }

    /** A household file of 临山村, as the system suites file them (a valid one, head and spouse). */
    /** ./stack COMMAND ARGS in the repository, its output in target/backup-suite.log. */
    private static void run(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("services.root", ".."));
        List<String> command = new ArrayList<>();
        command.add(root.resolve("stack").toString());
        command.addAll(List.of(args));
        Path log = Path.of("target", "backup-suite.log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "./stack " + String.join(" ", args) + " took more than 10 minutes");
        assertEquals(0, p.exitValue(), "./stack " + String.join(" ", args) + " failed; see " + log.toAbsolutePath());
    }

    /** A restored database, as its owner (the service's role) reads it. */
    private static Connection restored(TestDatabase db) throws SQLException {
        return connect(db, role(db) + "_test" + SUFFIX);
    }

    private static Connection connect(TestDatabase db, String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database, role(db), role(db) + "-demo-password");
    }

    private static String role(TestDatabase db) {
        return db.name().toLowerCase(Locale.ROOT);
    }

    /** Each restored database is dropped by its owner. */
    private static void dropRestored() throws SQLException {
        for (TestDatabase db : TestDatabase.values()) {
            try (Connection c = connect(db, "postgres");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + role(db) + "_test" + SUFFIX + " WITH (FORCE)");
            }
        }
    }

    /** Every table of the suite's schema and its rows. */
    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
            s.setString(1, SCHEMA);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM " + SCHEMA + ".\"" + table + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        assertTrue(!counts.isEmpty(), "no tables in " + SCHEMA);
        return counts;
    }

    private static Set<String> ids(Connection c, String sql) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Each household's ledger as the moral bank verifies it: LedgerEntry rows read by JDBC, in seq order. */
    private static Map<String, List<HashChain.Link>> ledgerChains(Connection c) throws SQLException {
        Map<String, List<HashChain.Link>> chains = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT id, household_id, seq, kind, rule_code, veto_code, standard_code, catalogue_version, deed_date,
                       points, rule_yearly_cap, reverses_entry_id, proposal_id, description, proposed_by, approved_by,
                       recorded_at, prev_hash, entry_hash, chain_version
                FROM %s.ledger_entry ORDER BY household_id, seq""".formatted(SCHEMA))) {
            while (rs.next()) {
                LedgerEntry e = new LedgerEntry();
                e.id = rs.getObject("id", UUID.class);
                e.householdId = rs.getString("household_id");
                e.seq = rs.getLong("seq");
                e.kind = EntryKind.valueOf(rs.getString("kind"));
                e.ruleCode = rs.getString("rule_code");
                e.vetoCode = rs.getString("veto_code");
                e.standardCode = rs.getString("standard_code");
                e.catalogueVersion = rs.getInt("catalogue_version");
                e.deedDate = rs.getObject("deed_date", LocalDate.class);
                e.points = rs.getInt("points");
                e.ruleYearlyCap = (Integer) rs.getObject("rule_yearly_cap");
                e.reversesEntryId = rs.getObject("reverses_entry_id", UUID.class);
                e.proposalId = rs.getObject("proposal_id", UUID.class);
                e.description = rs.getString("description");
                e.proposedBy = rs.getString("proposed_by");
                e.approvedBy = rs.getString("approved_by");
                e.recordedAt = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
                e.prevHash = rs.getString("prev_hash");
                e.entryHash = rs.getString("entry_hash");
                e.chainVersion = rs.getInt("chain_version"); // each entry verified in the form it was written in
                chains.computeIfAbsent(e.householdId, k -> new ArrayList<>()).add(e.link());
            }
        }
        return chains;
    }

    /** The query register in seq order, as the gateway's verification reads it. */
    private static List<RegisterChain.Link> registerChain(Connection c) throws SQLException {
        List<RegisterChain.Link> links = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT seq, recorded_at, username, institution, subject_type, subject_ref, purpose, consent_id,
                       outcome, reason, prev_hash, entry_hash, chain_version
                FROM %s.query_register ORDER BY seq""".formatted(SCHEMA))) {
            while (rs.next()) {
                links.add(new RegisterChain.Link(
                        rs.getLong("seq"),
                        rs.getInt("chain_version"),
                        new RegisterChain.Fields(
                                rs.getObject("recorded_at", OffsetDateTime.class)
                                        .toInstant(),
                                rs.getString("username"),
                                rs.getString("institution"),
                                rs.getString("subject_type"),
                                rs.getString("subject_ref"),
                                rs.getString("purpose"),
                                rs.getObject("consent_id", UUID.class),
                                rs.getString("outcome"),
                                rs.getString("reason")),
                        rs.getString("prev_hash"),
                        rs.getString("entry_hash")));
            }
        }
        return links;
    }
}

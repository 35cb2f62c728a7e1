package org.ruralcredit.system.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.TestDatabase;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Fault 1: farmer-registry is killed with SIGKILL while it imports a file of more than 100,000
 * rows, started again, and the official submits the same file again. Afterwards every row is
 * stored exactly once, every household's creation is published exactly once, and credit-rating
 * holds exactly one rating per household. The suite runs in a schema of its own in each test
 * database and on {@code fault-import.} topics, so its 34,000 households meet no other suite.
 */
@EnabledIfSystemProperty(named = "faults", matches = "true")
class RegistryKilledDuringImportTest {

    private static final String SCHEMA = "fault_import";
    private static final Isolated WORLD = new Isolated(SCHEMA, "fault-import.");
    private static final int HOUSEHOLDS = 34_000;
    private static final String TOWNSHIP = "330281100";

    private static ServiceProcess registry;
    private static ServiceProcess rating;
    private static Path file;
    private static long rows;
    private static long people;

    @BeforeAll
    static void freshSchemasAndServices() throws Exception {
        SharedStack.stop(); // this suite needs the ports, or stops what the shared platform runs on
        WORLD.reset(TestDatabase.REGISTRY, TestDatabase.RATING);
        file = generate();
        try (var lines = Files.lines(file)) {
            rows = lines.count() - 1;
        }
        // a row is a person, or a further row of the head carrying one more public-order fact
        try (var lines = Files.lines(file)) {
            people = lines.skip(1).map(line -> line.split(",", 5)[3]).distinct().count();
        }
        assertTrue(rows >= 100_000, "the file has " + rows + " rows");
        List<String> registrySettings = WORLD.service(TestDatabase.REGISTRY);
        registrySettings.add("ruralcredit.import.stalled-after=15s");
        // the production chunk size, not the test profile's small one
        registrySettings.add("%test.ruralcredit.import.chunk-households=500");
        registry = new ServiceProcess("farmer-registry", 18081, registrySettings).start();
        rating = new ServiceProcess("credit-rating", 18082, WORLD.rating()).start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        ServiceProcess.closeAll(rating, registry);
    }

    @Test
    @SuppressWarnings("AssignmentExpression") // each wait reads the job and tests it in the loop's one condition
    void everyRowStoredOnceEveryHouseholdPublishedOnceAndRatedOnce() throws Exception {
        String first = submit();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        JsonPath job;
        while ((job = job(first)).getLong("rowsDone") < rows * 3 / 10) {
            assertTrue(
                    Instant.now().isBefore(deadline), "the import did not get a third of the way: " + job.prettify());
            Thread.sleep(200);
        }
        registry.kill();
        registry.start();
        // counted after the restart: a COMMIT the killed process had already sent still lands
        long storedAtKill = count("household");
        assertTrue(
                storedAtKill > 0 && storedAtKill < HOUSEHOLDS, "killed mid-import, with " + storedAtKill + " stored");

        // the killed job is ended, not left running for ever
        deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!"FAILED".equals((job = job(first)).getString("status"))) {
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "the killed import was never marked interrupted: " + job.prettify());
            Thread.sleep(1_000);
        }
        assertTrue(job.getString("failure").contains("importing the file again is safe"), job.getString("failure"));

        String second = submit();
        deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (!"DONE".equals((job = job(second)).getString("status"))) {
            assertTrue(
                    Instant.now().isBefore(deadline) && !"FAILED".equals(job.getString("status")),
                    "the second import did not finish: " + job.prettify());
            Thread.sleep(1_000);
        }
        assertEquals(HOUSEHOLDS - storedAtKill, job.getLong("householdsCreated"), "the rest created");
        assertEquals(storedAtKill, job.getLong("householdsUnchanged"), "those stored before the kill recognised");
        assertEquals(0, job.getLong("householdsCorrected") + job.getLong("householdsRejected"), job.prettify());

        // every row once
        assertEquals(HOUSEHOLDS, count("household"));
        assertEquals(HOUSEHOLDS, registryCount("SELECT count(DISTINCT head_id_hash) FROM %s.household"));
        assertEquals(people, count("household_member"), "one member per person of the file");
        assertEquals(people, registryCount("SELECT count(DISTINCT resident_id_hash) FROM %s.household_member"));
        assertEquals(people, count("active_person"));
        assertEquals(HOUSEHOLDS, registryCount("SELECT count(*) FROM %s.household_revision WHERE version = 1"));
        assertEquals(HOUSEHOLDS, count("household_revision"), "no second revision");
        // every household's creation once in the outbox, and all of it published
        assertEquals(
                HOUSEHOLDS, registryCount("SELECT count(*) FROM %s.outbox_event WHERE topic LIKE '%%household%%'"));
        assertEquals(
                HOUSEHOLDS,
                registryCount(
                        "SELECT count(DISTINCT aggregate_id) FROM %s.outbox_event WHERE topic LIKE '%%household%%'"));
        deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (registryCount("SELECT count(*) FROM %s.outbox_event WHERE published_at IS NULL") > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the outbox was not emptied");
            Thread.sleep(1_000);
        }

        // credit-rating: exactly one rating per household
        deadline = Instant.now().plus(Duration.ofMinutes(8));
        long rated;
        while ((rated = ratingCount("SELECT count(*) FROM %s.household_current_rating")) < HOUSEHOLDS) {
            assertTrue(Instant.now().isBefore(deadline), rated + " of " + HOUSEHOLDS + " households rated");
            Thread.sleep(2_000);
        }
        assertEquals(HOUSEHOLDS, ratingCount("SELECT count(*) FROM %s.household_facts"));
        assertEquals(HOUSEHOLDS, ratingCount("SELECT count(*) FROM %s.household_rating"), "one rating per household");
        assertEquals(
                HOUSEHOLDS,
                ratingCount("SELECT count(*) FROM %s.inbox_event WHERE consumer = 'household-facts'"),
                "one applied event per household");
        System.out.printf(
                "Registry killed mid-import: %d households (%d rows) in the file, %d stored when killed, "
                        + "%d created and %d unchanged on re-submission; %d households, %d people, %d events, "
                        + "%d ratings afterwards%n",
                HOUSEHOLDS,
                rows,
                storedAtKill,
                HOUSEHOLDS - storedAtKill,
                storedAtKill,
                HOUSEHOLDS,
                people,
                HOUSEHOLDS,
                HOUSEHOLDS);
    }

    private static Path generate() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("services.root", "..")).toAbsolutePath();
        Path out = Path.of("target", "fault-import").toAbsolutePath();
        Files.createDirectories(out);
        ProcessBuilder generator = new ProcessBuilder(
                        root.resolve("stack.d/demo-households.sh").toString(),
                        "--households",
                        Integer.toString(HOUSEHOLDS),
                        "--seed",
                        "11",
                        "--townships",
                        TOWNSHIP,
                        "--out",
                        out.resolve("households-{township}.csv").toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("generate.log").toFile());
        generator
                .environment()
                .put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        Process p = generator.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "the generator failed; see " + out);
        return out.resolve("households-" + TOWNSHIP + ".csv");
    }

    private static String submit() {
        return given().baseUri(registry.baseUrl())
                .header("Authorization", bearer(OFFICIAL_LINSHAN))
                .multiPart("file", file.toFile(), "text/csv")
                .post("/api/v1/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static JsonPath job(String id) {
        return given().baseUri(registry.baseUrl())
                .header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/imports/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long count(String table) throws Exception {
        return registryCount("SELECT count(*) FROM %s." + table);
    }

    private static long registryCount(String sql) throws Exception {
        return TestDatabase.REGISTRY.count(sql.formatted(SCHEMA));
    }

    private static long ratingCount(String sql) throws Exception {
        return TestDatabase.RATING.count(sql.formatted(SCHEMA));
    }
}

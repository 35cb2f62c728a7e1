package org.ruralcredit.registry.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.registry.support.TestHouseholds.file;
import static org.ruralcredit.registry.support.TestHouseholds.residentId;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class HouseholdAnnouncementResourceTest {

    private static final String RUNS = "/api/v1/household-announcements";
    /** 临海村 (临山镇): no other test of this service files households there. */
    private static final String LINHAI_VILLAGE = "330281100206";

    @Inject
    DataSource dataSource;

    private static ValidatableResponse start(String user, Object body) {
        return given().header("Authorization", bearer(user))
                .header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON)
                .body(body)
                .post(RUNS)
                .then();
    }

    private static String createFile() {
        return given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file(LINHAI_VILLAGE, residentId('M'), residentId('F')), "reason", "入户建档"))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void creditAdminAnnouncesAVillagesFilesAgainAtTheirCurrentVersions() throws Exception {
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.HOUSEHOLD_CHANGED.topic())) {
            String open = createFile();
            String closed = createFile();
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "MOVED_AWAY", "expectedVersion", 1))
                    .post("/api/v1/households/{id}/close", closed)
                    .then()
                    .statusCode(200);
            HouseholdChanged filed = tail.await(e -> e.aggregateId().equals(open), 1, Duration.ofSeconds(20))
                    .getFirst()
                    .event()
                    .dataAs(EventCatalog.HOUSEHOLD_CHANGED);
            tail.await(e -> e.aggregateId().equals(closed), 2, Duration.ofSeconds(20));
            long files = count("SELECT count(*) FROM household WHERE village_code = ?", LINHAI_VILLAGE);

            Instant asked = Instant.now();
            String location = start(CREDIT_ADMIN, Map.of("division", LINHAI_VILLAGE))
                    .statusCode(202)
                    .header("Location", containsString(RUNS + "/"))
                    .body("division", equalTo(LINHAI_VILLAGE))
                    .body("filesTotal", equalTo((int) files))
                    .body("startedBy", equalTo(CREDIT_ADMIN))
                    .extract()
                    .header("Location");
            String id = location.substring(location.lastIndexOf('/') + 1);

            // every file of the village once more, each at its current version and with the report identity
            List<KafkaTail.Received> again = tail.await(
                    e -> e.occurredAt().isAfter(asked.minusSeconds(1))
                            && (e.aggregateId().equals(open) || e.aggregateId().equals(closed)),
                    2,
                    Duration.ofSeconds(30));
            assertEquals(2, again.size());
            for (KafkaTail.Received received : again) {
                HouseholdChanged data = received.event().dataAs(EventCatalog.HOUSEHOLD_CHANGED);
                assertEquals(received.key(), data.householdId());
                if (data.householdId().equals(open)) {
                    assertEquals(1, data.version());
                    assertEquals("ACTIVE", data.status());
                    assertEquals(filed.identity(), data.identity());
                    assertEquals(filed.assets(), data.assets());
                } else {
                    assertEquals(2, data.version());
                    assertEquals("CLOSED", data.status());
                    assertEquals("MOVED_AWAY", data.closedReason());
                }
                assertNotNull(data.identity().headLookupHash());
            }

            ValidatableResponse done = awaitDone(id);
            done.body("filesAnnounced", equalTo((int) files)).body("filesTotal", equalTo((int) files));
            // the files themselves are as they were: no revision, no new version
            assertEquals(1, count("SELECT count(*) FROM household_revision WHERE household_id = ?::uuid", open));
        }
    }

    @Test
    void oneRunAtATime() throws Exception {
        UUID held = UUID.randomUUID();
        try (Connection setup = dataSource.getConnection();
                Connection lock = dataSource.getConnection()) {
            try (PreparedStatement insert = setup.prepareStatement("""
                    INSERT INTO announcement_run (id, division, status, files_total, started_by, started_at, updated_at)
                    VALUES (?, ?, 'RUNNING', 0, 'another-officer', now(), now())""")) {
                insert.setObject(1, held);
                insert.setString(2, LINHAI_VILLAGE);
                insert.executeUpdate();
            }
            // held as an instance announcing a batch holds it, so no poll finishes it meanwhile
            lock.setAutoCommit(false);
            try (PreparedStatement hold =
                    lock.prepareStatement("SELECT id FROM announcement_run WHERE id = ? FOR UPDATE")) {
                hold.setObject(1, held);
                hold.executeQuery().close();
            }
            long runs = count("SELECT count(*) FROM announcement_run", null);
            start(CREDIT_ADMIN, Map.of("division", "330281100"))
                    .statusCode(409)
                    .contentType(containsString("application/problem+json"))
                    .body("code", equalTo("announcement.running"))
                    .body("args.id", equalTo(held.toString()))
                    .body("detail", containsString("档案正在重新发布"));
            assertEquals(runs, count("SELECT count(*) FROM announcement_run", null));
            lock.commit();
        }
        // the held run goes on once released: a village whose files it announces, then done
        awaitDone(held.toString());
    }

    @Test
    void badRequestsStoreNothingAndOthersAreRefused() throws Exception {
        long runs = count("SELECT count(*) FROM announcement_run", null);
        start(CREDIT_ADMIN, Map.of())
                .statusCode(400)
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("division"));
        start(CREDIT_ADMIN, Map.of("division", "33028110"))
                .statusCode(400)
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("division"))
                .body("errors[0].code", equalTo("division.code-format"))
                .body("errors[0].message", equalTo("须为 2、4、6、9 或 12 位区划代码"));
        start(CREDIT_ADMIN, Map.of("division", "330281100298"))
                .statusCode(404)
                .body("code", equalTo("division.not-found"))
                .body("args.code", equalTo("330281100298"));
        start(OFFICIAL_LINSHAN, Map.of("division", LINHAI_VILLAGE)).statusCode(403);
        start(AUDITOR, Map.of("division", LINHAI_VILLAGE)).statusCode(403);
        assertEquals(runs, count("SELECT count(*) FROM announcement_run", null));
        given().header("Authorization", bearer(AUDITOR))
                .get(RUNS + "/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("announcement.not-found"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(RUNS + "/{id}", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    private static ValidatableResponse awaitDone(String id) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (true) {
            ValidatableResponse run = given().header("Authorization", bearer(AUDITOR))
                    .get(RUNS + "/{id}", id)
                    .then()
                    .statusCode(200);
            if ("DONE".equals(run.extract().path("status"))) {
                assertNotNull(run.extract().path("finishedAt"));
                return run;
            }
            assertTrue(Instant.now().isBefore(until), "the run did not finish in 30 s");
            Thread.sleep(200);
        }
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(sql)) {
            if (arg != null) {
                query.setString(1, arg);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

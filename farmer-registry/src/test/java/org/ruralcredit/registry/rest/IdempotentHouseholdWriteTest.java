package org.ruralcredit.registry.rest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.ruralcredit.registry.service.HouseholdDocuments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.registry.support.TestHouseholds.file;
import static org.ruralcredit.registry.support.TestHouseholds.residentId;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Creating and correcting a file with an Idempotency-Key: a resend (a field tablet that lost the
 * answer) gets the first answer and files nothing twice; the key is the caller's own.
 */
@QuarkusTest
class IdempotentHouseholdWriteTest {

    private static final String HOUSEHOLDS = "/api/v1/households";
    private static final String LINSHAN_VILLAGE = "330281100202";
    private static final String MAZHU_VILLAGE = "330281106205";

    @Inject
    DataSource dataSource;

    @Inject
    HouseholdDocuments documents;

    private static ExtractableResponse<Response> create(String user, String key, Map<String, Object> file) {
        var request = given().header("Authorization", bearer(user)).contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("file", file, "reason", "入户建档"))
                .post(HOUSEHOLDS)
                .then()
                .extract();
    }

    private static ExtractableResponse<Response> correct(String key, String id, Map<String, Object> file) {
        return given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("file", file, "reason", "户主更正电话", "expectedVersion", 1))
                .put(HOUSEHOLDS + "/{id}", id)
                .then()
                .extract();
    }

    private long count(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long filesHeadedBy(String residentId) throws Exception {
        return count("SELECT count(*) FROM household WHERE head_id_hash = ?", documents.hashOfResidentId(residentId));
    }

    private long eventsOf(String householdId) throws Exception {
        return count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", householdId);
    }

    @Test
    void aResendIsAnsweredTheSameAndFilesOnce() throws Exception {
        String head = residentId('M');
        Map<String, Object> file = file(LINSHAN_VILLAGE, head, residentId('F'));
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = create(OFFICIAL_LINSHAN, key, file);
        assertEquals(201, first.statusCode(), first.asString());
        assertNull(first.header("Idempotent-Replayed"));
        ExtractableResponse<Response> again = create(OFFICIAL_LINSHAN, key, file);

        assertEquals(201, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.asString(), again.asString());
        assertTrue(again.contentType().startsWith("application/json"), again.contentType());
        String id = first.path("id");
        assertTrue(first.header("Location").endsWith("/api/v1/households/" + id), first.header("Location"));
        assertEquals(1, filesHeadedBy(head));
        assertEquals(1, eventsOf(id));
        assertEquals(1, count("SELECT count(*) FROM household_revision WHERE household_id = ?", UUID.fromString(id)));

        // the stored answer shows the head's ID in full (to the official): it is kept encrypted
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT body FROM idempotency_key WHERE caller = ? AND idempotency_key = ?")) {
            s.setString(1, OFFICIAL_LINSHAN);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(head));
            }
        }
    }

    @Test
    void theSameKeyForAnotherBodyIs422AndFilesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        assertEquals(
                201,
                create(OFFICIAL_LINSHAN, key, file(LINSHAN_VILLAGE, residentId('M'), residentId('F')))
                        .statusCode());
        String otherHead = residentId('M');

        ExtractableResponse<Response> reused =
                create(OFFICIAL_LINSHAN, key, file(LINSHAN_VILLAGE, otherHead, residentId('F')));

        assertEquals(422, reused.statusCode(), reused.asString());
        assertTrue(reused.contentType().startsWith("application/problem+json"), reused.contentType());
        assertEquals("request.idempotency-key-reused", reused.path("code"));
        assertEquals(0, filesHeadedBy(otherHead));
    }

    @Test
    void aMalformedKeyIs400AndFilesNothing() throws Exception {
        // too long, and a tab (legal in a header, not in a key); a non-ASCII character would not survive the client
        for (String bad : List.of("k".repeat(256), "tab\there")) {
            String head = residentId('F');
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .header("Idempotency-Key", bad)
                    .contentType(ContentType.JSON)
                    .body(Map.of("file", file(LINSHAN_VILLAGE, head, residentId('M')), "reason", "入户建档"))
                    .post(HOUSEHOLDS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("request.idempotency-key-invalid"));
            assertEquals(0, filesHeadedBy(head));
        }
    }

    @Test
    void withoutAKeyAResendIsANewRequestAsBefore() throws Exception {
        String head = residentId('M');
        Map<String, Object> file = file(LINSHAN_VILLAGE, head, residentId('F'));
        ExtractableResponse<Response> first = create(OFFICIAL_LINSHAN, null, file);
        assertEquals(201, first.statusCode(), first.asString());
        assertNull(first.header("Idempotent-Replayed"));

        ExtractableResponse<Response> again = create(OFFICIAL_LINSHAN, null, file);
        // the people are on file now: refused as a second file of them always was
        assertEquals(409, again.statusCode(), again.asString());
        assertNull(again.header("Idempotent-Replayed"));
        assertEquals(1, filesHeadedBy(head));
    }

    @Test
    void aKeyIsTheCallersOwn() throws Exception {
        String key = UUID.randomUUID().toString();
        String linshanHead = residentId('M');
        String mazhuHead = residentId('M');

        ExtractableResponse<Response> linshan =
                create(OFFICIAL_LINSHAN, key, file(LINSHAN_VILLAGE, linshanHead, residentId('F')));
        ExtractableResponse<Response> mazhu =
                create(OFFICIAL_MAZHU, key, file(MAZHU_VILLAGE, mazhuHead, residentId('F')));

        assertEquals(201, linshan.statusCode(), linshan.asString());
        assertEquals(201, mazhu.statusCode(), mazhu.asString());
        assertNull(mazhu.header("Idempotent-Replayed"));
        assertNotEquals(linshan.<String>path("id"), mazhu.<String>path("id"));
        assertEquals(1, filesHeadedBy(linshanHead));
        assertEquals(1, filesHeadedBy(mazhuHead));
    }

    @Test
    void aRefusedRequestIsNotRememberedAndMayBeCorrectedUnderItsKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String head = residentId('F');
        Map<String, Object> refused = file(LINSHAN_VILLAGE, head, residentId('M'));
        refused.put("yearsResident", 500);
        assertEquals(400, create(OFFICIAL_LINSHAN, key, refused).statusCode());
        assertEquals(0, filesHeadedBy(head));

        ExtractableResponse<Response> corrected =
                create(OFFICIAL_LINSHAN, key, file(LINSHAN_VILLAGE, head, residentId('M')));
        assertEquals(201, corrected.statusCode(), corrected.asString());
        assertNull(corrected.header("Idempotent-Replayed"));
        assertEquals(1, filesHeadedBy(head));
    }

    @Test
    void aResentCorrectionMakesOneNewVersion() throws Exception {
        String head = residentId('M');
        Map<String, Object> file = file(LINSHAN_VILLAGE, head, residentId('F'));
        String id = create(OFFICIAL_LINSHAN, null, file).path("id");
        file.put("phone", "13905749876");
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = correct(key, id, file);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(2, (int) first.path("version"));
        ExtractableResponse<Response> again = correct(key, id, file);

        assertEquals(200, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.asString(), again.asString());
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(HOUSEHOLDS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("phone", equalTo("13905749876"));
        assertEquals(2, count("SELECT count(*) FROM household_revision WHERE household_id = ?", UUID.fromString(id)));
        assertEquals(2, eventsOf(id));

        // the same key on another operation is another request
        ExtractableResponse<Response> asCreate = create(OFFICIAL_LINSHAN, key, file);
        assertEquals(422, asCreate.statusCode(), asCreate.asString());
        assertEquals("request.idempotency-key-reused", asCreate.path("code"));
    }

    @Test
    void twoConcurrentSendsOfOneKeyFileOnce() throws Exception {
        String head = residentId('F');
        Map<String, Object> file = file(LINSHAN_VILLAGE, head, residentId('M'));
        String key = UUID.randomUUID().toString();
        bearer(OFFICIAL_LINSHAN); // the token before the race, not inside it
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExtractableResponse<Response>>> sends = List.of(
                    pool.submit(() -> {
                        start.await();
                        return create(OFFICIAL_LINSHAN, key, file);
                    }),
                    pool.submit(() -> {
                        start.await();
                        return create(OFFICIAL_LINSHAN, key, file);
                    }));
            start.countDown();
            ExtractableResponse<Response> a = sends.get(0).get(60, TimeUnit.SECONDS);
            ExtractableResponse<Response> b = sends.get(1).get(60, TimeUnit.SECONDS);

            assertEquals(201, a.statusCode(), a.asString());
            assertEquals(201, b.statusCode(), b.asString());
            assertEquals(a.asString(), b.asString());
            assertEquals(
                    1,
                    (a.header("Idempotent-Replayed") == null ? 0 : 1)
                            + (b.header("Idempotent-Replayed") == null ? 0 : 1));
            assertEquals(1, filesHeadedBy(head));
            assertEquals(1, eventsOf(a.path("id")));
        } finally {
            pool.shutdownNow();
        }
    }
}

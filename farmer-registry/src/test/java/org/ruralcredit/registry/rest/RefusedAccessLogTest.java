package org.ruralcredit.registry.rest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.security.RefusedAccess;
import org.ruralcredit.registry.service.FiledTwiceLog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.registry.support.TestHouseholds.file;
import static org.ruralcredit.registry.support.TestHouseholds.residentId;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Every refused access leaves one line in the refusal log, naming who, what and why, and no personal data. */
@QuarkusTest
class RefusedAccessLogTest {

    private static final String HOUSEHOLDS = "/api/v1/households";
    /** 梅园村 (临山镇). */
    private static final String VILLAGE = "330281100208";

    /** Held here: java.util.logging keeps loggers only weakly, and the handler must stay attached. */
    private static final Logger REFUSALS = Logger.getLogger(RefusedAccess.CATEGORY);

    private static final Logger FILED_TWICE = Logger.getLogger(FiledTwiceLog.CATEGORY);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                lines.add(record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void attach() {
        REFUSALS.addHandler(capture);
        FILED_TWICE.addHandler(capture);
    }

    @AfterEach
    void detach() {
        REFUSALS.removeHandler(capture);
        FILED_TWICE.removeHandler(capture);
    }

    @Test
    void anObjectLevelRefusalIsLoggedOnce() {
        String head = residentId('M');
        String id = create(head);

        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get(HOUSEHOLDS + "/{id}", id)
                .then()
                .statusCode(403);

        List<String> mine = linesAbout(id);
        assertEquals(1, mine.size(), String.join("\n", lines));
        String line = mine.get(0);
        assertTrue(
                line.startsWith("refused check=object status=403 user=" + OFFICIAL_MAZHU
                        + " roles=township-official division=330281106 method=GET path=/api/v1/households/" + id),
                line);
        assertTrue(line.contains("reason=\"This household is outside your division.\""), line);
        assertFalse(line.contains(head), line);
    }

    @Test
    void aRoleLevelRefusalIsLoggedWithoutTheIdentifiersTypedIntoThePath() {
        String typed = residentId('F');
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get(HOUSEHOLDS + "/{id}", typed)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        String masked = typed.substring(0, 6) + "********" + typed.substring(14);
        List<String> mine = linesAbout(masked);
        assertEquals(1, mine.size(), String.join("\n", lines));
        assertTrue(
                mine.get(0)
                        .startsWith("refused check=role status=403 user=" + LOAN_OFFICER
                                + " roles=lender division=- method=GET path=/api/v1/households/" + masked),
                mine.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.contains(typed)), String.join("\n", lines));
    }

    @Test
    void everyKindOfObjectRefusalIsLogged() {
        String head = residentId('M');
        String id = create(head);
        Map<String, Object> moved = file("330281106205", residentId('M'), residentId('F'));

        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType(ContentType.JSON)
                .body(Map.of("file", moved, "expectedVersion", 1))
                .put(HOUSEHOLDS + "/{id}", id)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .queryParam("division", VILLAGE)
                .get(HOUSEHOLDS)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get("/api/v1/villages/{code}/profile", VILLAGE)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get("/api/v1/coverage/{code}", VILLAGE)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/internal/v1/households/in-village/{code}", VILLAGE)
                .then()
                .statusCode(403);

        assertEquals(1, linesAbout("method=PUT path=/api/v1/households/" + id).size(), String.join("\n", lines));
        assertEquals(
                1,
                linesAbout("method=GET path=/api/v1/households object=- reason=\"Division " + VILLAGE)
                        .size(),
                String.join("\n", lines));
        assertEquals(
                1, linesAbout("path=/api/v1/villages/" + VILLAGE + "/profile").size(), String.join("\n", lines));
        assertEquals(1, linesAbout("path=/api/v1/coverage/" + VILLAGE).size(), String.join("\n", lines));
        assertEquals(
                1,
                linesAbout("path=/internal/v1/households/in-village/" + VILLAGE).size(),
                String.join("\n", lines));
    }

    @Test
    void aPersonFiledInAnotherTownshipIsLoggedWhereverTheyAreTriedWithoutTheirIdInClear() {
        String head = residentId('M');
        String id = create(head);

        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", head))
                .post(HOUSEHOLDS + "/lookup")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file("330281106205", head, residentId('F')), "reason", "入户建档"))
                .post(HOUSEHOLDS)
                .then()
                .statusCode(409);

        List<String> refused = linesAbout("object=household:" + id);
        assertEquals(1, refused.size(), String.join("\n", lines));
        assertTrue(refused.get(0).startsWith("refused check=object status=409 user=" + OFFICIAL_MAZHU), refused.get(0));
        assertTrue(refused.get(0).contains("method=POST path=/api/v1/households/lookup"), refused.get(0));

        List<String> attempts = linesAbout("household=" + id);
        assertEquals(
                List.of("lookup", "create"),
                attempts.stream()
                        .map(l -> l.replaceAll("^filed-twice via=(\\S+) .*", "$1"))
                        .toList(),
                String.join("\n", lines));
        String masked = head.substring(0, 6) + "********" + head.substring(14);
        for (String line : attempts) {
            assertTrue(line.contains("user=" + OFFICIAL_MAZHU + " division=330281106 person=" + masked), line);
        }
        lines.forEach(line -> assertFalse(line.contains(head), line));
    }

    private List<String> linesAbout(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).toList();
    }

    private static String create(String head) {
        return given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file(VILLAGE, head, residentId('F')), "reason", "入户建档"))
                .post(HOUSEHOLDS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}

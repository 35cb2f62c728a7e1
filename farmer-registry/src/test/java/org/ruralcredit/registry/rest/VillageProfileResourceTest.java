package org.ruralcredit.registry.rest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.ruralcredit.demo.DemoHouseholds;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.registry.VillageProfileChanged;
import org.ruralcredit.importfile.DemoVillageStatistics;
import org.ruralcredit.registry.demo.DemoVillageProfiles;
import org.ruralcredit.registry.service.VillageProfileService;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class VillageProfileResourceTest {

    /** 临山村委会 in 临山镇: the Linshan official's and the Linshan clerk's village. */
    private static final String LINSHAN_VILLAGE = "330281100202";
    /** 汝东村委会, also in 临山镇, used by the write-refusal tests. */
    private static final String RUDONG_VILLAGE = "330281100201";

    private static final String PROFILE = "/api/v1/villages/{code}/profile";

    @Inject
    DataSource dataSource;

    private int currentRevision(String village) {
        var response = given().header("Authorization", bearer(OFFICIAL_LINSHAN)).get(PROFILE, village);
        return response.statusCode() == 404 ? 0 : response.path("revision");
    }

    private Map<String, Object> change(int households, int expectedRevision) {
        return Map.of(
                "totalHouseholds",
                households,
                "population",
                households * 3,
                "figuresAsOf",
                "2026-06-30",
                "reason",
                "2026 年中统计",
                "expectedRevision",
                expectedRevision);
    }

    @Test
    void officialSetsFiguresAndTheChangeIsPublishedOnce() {
        int revision = currentRevision(LINSHAN_VILLAGE);
        int households = 700 + (int) (System.nanoTime() % 200);
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.VILLAGE_PROFILE_CHANGED.topic())) {
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(change(households, revision))
                    .put(PROFILE, LINSHAN_VILLAGE)
                    .then()
                    .statusCode(200)
                    .body("totalHouseholds", equalTo(households))
                    .body("revision", equalTo(revision + 1))
                    .body("updatedBy", equalTo(OFFICIAL_LINSHAN));

            List<KafkaTail.Received> events =
                    tail.await(e -> e.aggregateId().equals(LINSHAN_VILLAGE), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size(), "one event for one change");
            assertEquals(LINSHAN_VILLAGE, events.get(0).key(), "keyed by village code");
            VillageProfileChanged data = events.get(0).event().dataAs(EventCatalog.VILLAGE_PROFILE_CHANGED);
            assertEquals(households, data.totalHouseholds());
            assertEquals(revision + 1, data.revision());
            assertEquals("330281100", data.townshipCode());
            assertEquals("临山村委会", data.villageName());
            assertEquals(LocalDate.of(2026, 6, 30), data.figuresAsOf());
        }
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get(PROFILE + "/revisions", LINSHAN_VILLAGE)
                .then()
                .statusCode(200)
                .body("revision", hasItems(revision + 1))
                .body("find { it.revision == " + (revision + 1) + " }.changedBy", equalTo(OFFICIAL_LINSHAN));
    }

    @Test
    void staleRevisionIsAConflictAndChangesNothing() throws SQLException {
        int revision = currentRevision(LINSHAN_VILLAGE);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(change(800, revision))
                .put(PROFILE, LINSHAN_VILLAGE)
                .then()
                .statusCode(200);
        long before =
                count("SELECT count(*) FROM village_profile_revision WHERE village_code = '" + LINSHAN_VILLAGE + "'");

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(change(999, revision))
                .put(PROFILE, LINSHAN_VILLAGE)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:stale-revision"));

        assertEquals(
                before,
                count("SELECT count(*) FROM village_profile_revision WHERE village_code = '" + LINSHAN_VILLAGE + "'"));
        given().header("Authorization", bearer(AUDITOR))
                .get(PROFILE, LINSHAN_VILLAGE)
                .then()
                .statusCode(200)
                .body("totalHouseholds", equalTo(800));
    }

    @Test
    void rolesAndDivisionsDecideWhoMayReadAndWrite() {
        // function level, decided by the realm's permissions
        given().get(PROFILE, LINSHAN_VILLAGE).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get(PROFILE, LINSHAN_VILLAGE)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .contentType(ContentType.JSON)
                .body(change(10, 0))
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // object level: another township's official
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType(ContentType.JSON)
                .body(change(10, 0))
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(403)
                .body("detail", containsString("outside your division"));
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get(PROFILE, LINSHAN_VILLAGE)
                .then()
                .statusCode(403);
        // a clerk reads only their own village
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(403);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() throws SQLException {
        long before = count("SELECT count(*) FROM village_profile_revision");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("totalHouseholds", -1, "population", 2_000_000, "figuresAsOf", "2999-01-01"))
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:validation"))
                .body("errors.field", hasItems("totalHouseholds", "population", "figuresAsOf"))
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(change(10, 0))
                .put(PROFILE, "33028110020X")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(change(10, 0))
                .put(PROFILE, "330281100999")
                .then()
                .statusCode(404)
                .body("detail", containsString("330281100999"));
        assertEquals(before, count("SELECT count(*) FROM village_profile_revision"));
    }

    @Test
    void brokenBodiesAreRefusedWithProblemsAndNothingIsStored() throws SQLException {
        long before = count("SELECT count(*) FROM village_profile_revision");
        long outboxBefore = count("SELECT count(*) FROM outbox_event");
        String auth = bearer(OFFICIAL_LINSHAN);

        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body("{\"totalHouseholds\":10,\"population\":30,\"figuresAsOf\":\"2026-06-30\",\"isAdmin\":true}")
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("isAdmin"))
                .body("errors[0].message", equalTo("is not a known field"));
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body("{\"totalHouseholds\":10,\"population\":")
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:malformed-json"));
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body("{\"totalHouseholds\":\"many\",\"population\":30,\"figuresAsOf\":\"2026-06-30\"}")
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("totalHouseholds"))
                .body(not(containsString("java.lang")));
        given().header("Authorization", auth)
                .contentType(ContentType.XML)
                .body("<profile><totalHouseholds>10</totalHouseholds></profile>")
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String huge = "{\"totalHouseholds\":10,\"population\":30,\"figuresAsOf\":\"2026-06-30\",\"reason\":\""
                + "很".repeat(700_000) + "\"}";
        given().header("Authorization", auth)
                .contentType(ContentType.JSON)
                .body(huge)
                .put(PROFILE, RUDONG_VILLAGE)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");

        assertEquals(before, count("SELECT count(*) FROM village_profile_revision"));
        assertEquals(outboxBefore, count("SELECT count(*) FROM outbox_event"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** 黄家埠镇: a township no other test writes profiles for. */
    private static final String HUANGJIABU = "330281101";

    @Inject
    VillageProfileService profiles;

    @Test
    void demoProfilesAreCreatedWhereMissingAndNeverChangeAProfile() throws Exception {
        List<DemoHouseholds.Village> villages = DemoHouseholds.villagesOf("330281", List.of(HUANGJIABU));
        profiles.createMissing(List.of(HUANGJIABU), DemoVillageProfiles::figuresOf, DemoVillageProfiles.AUTHOR);
        for (DemoHouseholds.Village v : villages) {
            DemoVillageStatistics figures = DemoVillageStatistics.of(v.code());
            given().header("Authorization", bearer(AUDITOR))
                    .get(PROFILE, v.code())
                    .then()
                    .statusCode(200)
                    .body("totalHouseholds", equalTo(figures.totalHouseholds()))
                    .body("population", equalTo(figures.population()))
                    .body("figuresAsOf", equalTo(figures.figuresAsOf().toString()))
                    .body("revision", equalTo(1))
                    .body("updatedBy", equalTo(DemoVillageProfiles.AUTHOR));
        }
        // every village has one now; a second run, even with other figures, changes none
        long revisions =
                count("SELECT count(*) FROM village_profile_revision WHERE village_code LIKE '" + HUANGJIABU + "%'");
        assertEquals(
                0,
                profiles.createMissing(
                        List.of(HUANGJIABU),
                        code -> new VillageProfileService.ProfileChange(
                                1, 1, LocalDate.of(2026, 1, 1), null, null, null),
                        DemoVillageProfiles.AUTHOR));
        assertEquals(
                revisions,
                count("SELECT count(*) FROM village_profile_revision WHERE village_code LIKE '" + HUANGJIABU + "%'"));
        String first = villages.get(0).code();
        given().header("Authorization", bearer(AUDITOR))
                .get(PROFILE, first)
                .then()
                .statusCode(200)
                .body("totalHouseholds", equalTo(DemoVillageStatistics.of(first).totalHouseholds()));
    }
}

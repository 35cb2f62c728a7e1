package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * GET /api/v1/consents: the consents the caller may read one by one, newest first, a page at a
 * time. The consents are written straight into the table with recording times after every other
 * consent there, so they are the newest whatever other tests left behind.
 */
@QuarkusTest
class ConsentListTest {

    private static final String MAZHU = "330281106";

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    private Instant base;
    private String rid;

    @BeforeEach
    void afterEveryOtherConsent() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT max(recorded_at) FROM consent");
                ResultSet r = s.executeQuery()) {
            r.next();
            OffsetDateTime newest = r.getObject(1, OffsetDateTime.class);
            Instant now = Instant.now();
            base = (newest == null || newest.toInstant().isBefore(now) ? now : newest.toInstant())
                    .truncatedTo(ChronoUnit.MICROS);
        }
        rid = TestData.residentId();
    }

    /** A consent recorded {@code seconds} after every other; revoked when {@code revoked}. */
    private String consent(
            int seconds, String institution, String division, String recordedBy, LocalDate expiresOn, boolean revoked)
            throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                INSERT INTO consent (id, subject_type, subject_id_enc, subject_hash, institution, purpose, signed_on,
                                     expires_on, letter_sha256, recorded_by, on_behalf_division, recorded_at,
                                     revoked_at, revoked_by)
                VALUES (?, 'HOUSEHOLD', ?, ?, ?, 'GUARANTEE_REVIEW', ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(base.plusSeconds(seconds), ZoneOffset.UTC);
            s.setObject(1, id);
            s.setBytes(2, cipher.encrypt(rid));
            s.setString(3, cipher.lookupHash("resident-id", rid));
            s.setString(4, institution);
            s.setObject(5, TODAY.minusDays(40));
            s.setObject(6, expiresOn);
            s.setString(7, "ab".repeat(32));
            s.setString(8, recordedBy);
            s.setString(9, division);
            s.setObject(10, at);
            s.setObject(11, revoked ? at : null);
            s.setString(12, revoked ? recordedBy : null);
            s.executeUpdate();
        }
        return id.toString();
    }

    private long count(String where, Object... args) throws Exception {
        return GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent WHERE " + where, args);
    }

    @Test
    void anOfficerSeesTheInstitutionsConsentsNewestFirstWithTheTotalAndNoOtherInstitutions() throws Exception {
        String revoked = consent(1, "YYRCB", null, LOAN_OFFICER, TODAY.plusDays(30), true);
        String expired = consent(2, "YYRCB", null, LOAN_OFFICER, TODAY.minusDays(1), false);
        String active = consent(3, "YYRCB", null, LOAN_OFFICER, TODAY.plusDays(30), false);
        String otherBank = consent(4, "NBBANK", null, "nb-officer", TODAY.plusDays(30), false);

        List<String> ids = given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?size=3")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(3))
                .body("total", equalTo((int) count("institution = 'YYRCB'")))
                .body("items[0].subject", equalTo(rid.substring(0, 6) + "********" + rid.substring(14)))
                .body("items[0].purpose", equalTo("GUARANTEE_REVIEW"))
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[0].expiresOn", equalTo(TODAY.plusDays(30).toString()))
                .body("items[1].status", equalTo("EXPIRED"))
                .body("items[2].status", equalTo("REVOKED"))
                .body("items[0].recordedAt", equalTo(base.plusSeconds(3).toString()))
                .extract()
                .path("items.id");
        assertEquals(List.of(active, expired, revoked), ids);

        // the same rule as the single read: what the list shows, the officer may open; the other bank's is not there
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents/" + active)
                .then()
                .statusCode(200);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?size=100")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(otherBank)))
                .body("items.institution", not(hasItem("NBBANK")));
    }

    @Test
    void pagesFollowEachOtherAndStatusAndMineNarrowTheList() throws Exception {
        String first = consent(1, "YYRCB", null, LOAN_OFFICER, TODAY.plusDays(30), false);
        String second = consent(2, "YYRCB", null, "loan-supervisor", TODAY.plusDays(30), true);
        String third = consent(3, "YYRCB", null, LOAN_OFFICER, TODAY.plusDays(30), false);
        long total = count("institution = 'YYRCB'");

        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?page=0&size=2")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(third, second)))
                .body("total", equalTo((int) total));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?page=1&size=2")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(first))
                .body("page", equalTo(1))
                .body("total", equalTo((int) total));

        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?status=REVOKED&size=1")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(second)))
                .body("total", equalTo((int) count("institution = 'YYRCB' AND revoked_at IS NOT NULL")));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?mine=true&size=2")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(third, first)))
                .body("total", equalTo((int) count("institution = 'YYRCB' AND recorded_by = ?", LOAN_OFFICER)));
    }

    @Test
    void anOfficialSeesOnlyTheConsentsRecordedInTheOfficialsTownship() throws Exception {
        String mazhu = consent(1, "YYRCB", MAZHU, OFFICIAL_MAZHU, TODAY.plusDays(30), false);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get("/api/v1/consents?size=1")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(mazhu))
                .body("items[0].onBehalfDivision", equalTo(MAZHU))
                .body("total", equalTo((int) count("on_behalf_division = ?", MAZHU)));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/consents?size=100")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(mazhu)))
                .body("total", equalTo((int) count("on_behalf_division = '330281100'")));
        // the lender it was given to sees it too, as it may open it
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?size=1")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(mazhu));
    }

    @Test
    void aBadSizePageOrStatusIsAProblemWithAStableCode() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?size=101")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].code", equalTo("field.max"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?size=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].code", equalTo("field.min"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents?size=many")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].code", equalTo("param.unreadable"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/consents?status=PENDING")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].code", equalTo("field.one-of"));
    }

    @Test
    void onlyLendersAndOfficialsList() {
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/consents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/consents").then().statusCode(401);
    }
}

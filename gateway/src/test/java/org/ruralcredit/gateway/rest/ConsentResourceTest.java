package org.ruralcredit.gateway.rest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class ConsentResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    /** The registry, asked where a household lives when an official records its consent. */
    private static SourceStub registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = new SourceStub(18991);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void aLinshanHousehold() {
        registry.answer(200, SourceStub.registryHousehold(UUID.randomUUID()));
    }

    @Test
    void aLenderRecordsAConsentForItsInstitutionStoredEncryptedAndShownMasked() throws Exception {
        String rid = TestData.residentId();
        String id = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        rid,
                        "purpose",
                        "LOAN_APPLICATION",
                        "signedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusDays(30).toString(),
                        "letterSha256",
                        "AB".repeat(32)))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .body("subject", equalTo(rid.substring(0, 6) + "********" + rid.substring(14)))
                .body("institution", equalTo("YYRCB"))
                .body("letterSha256", equalTo("ab".repeat(32)))
                .body("status", equalTo("ACTIVE"))
                .body("recordedBy", equalTo(LOAN_OFFICER))
                .body("onBehalfDivision", nullValue())
                .extract()
                .path("id");

        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT subject_id_enc, subject_hash FROM consent WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                byte[] enc = r.getBytes(1);
                assertFalse(new String(enc, StandardCharsets.ISO_8859_1).contains(rid));
                assertEquals(rid, cipher.decrypt(enc));
                assertEquals(cipher.lookupHash("resident-id", rid), r.getString(2));
            }
        }
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents/" + id)
                .then()
                .statusCode(200)
                .body("purpose", equalTo("LOAN_APPLICATION"));
    }

    @Test
    void aSharedCounterRecordsNoConsentAndNothingIsStored() throws Exception {
        long before = GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent");
        given().header("Authorization", bearer(DemoUsers.SHARED_COUNTER))
                .header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        TestData.residentId(),
                        "purpose",
                        "LOAN_APPLICATION",
                        "signedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusDays(30).toString(),
                        "letterSha256",
                        "AB".repeat(32)))
                .post("/api/v1/consents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("consent.account-not-personal"))
                .body("args.accountType", equalTo("shared"))
                .body("detail", equalTo("授权只能由实名账号登记；此账号为共用或系统账号（shared）。"));
        assertEquals(before, GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent"));
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() throws Exception {
        long before = GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        "110105194912310021",
                        "purpose",
                        "LOAN_APPLICATION",
                        "signedOn",
                        TODAY.plusDays(1).toString(),
                        "expiresOn",
                        TODAY.toString(),
                        "letterSha256",
                        "not-a-hash",
                        "institution",
                        "NBBANK"))
                .post("/api/v1/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder("subjectId", "signedOn", "expiresOn", "letterSha256", "institution"))
                .body(
                        "errors.find { it.field == 'subjectId' }.message",
                        equalTo("resident ID has a wrong check digit (GB 11643)"));
        assertEquals(before, GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent"));
    }

    @Test
    void aBadFieldIsNamedWithItsCodeInTheCallersLanguage() {
        Map<String, String> consent = Map.of(
                "subjectType",
                "HOUSEHOLD",
                "subjectId",
                "110105194912310021",
                "purpose",
                "LOAN_APPLICATION",
                "signedOn",
                TODAY.toString(),
                "expiresOn",
                TODAY.plusDays(30).toString(),
                "letterSha256",
                "ab".repeat(32));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .contentType("application/json")
                .body(consent)
                .post("/api/v1/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("args.count", equalTo(1))
                .body("detail", equalTo("请求中有 1 个字段有误。"))
                .body("errors[0].field", equalTo("subjectId"))
                .body("errors[0].code", equalTo("subject.resident-id.check-digit"))
                .body("errors[0].message", equalTo("身份证号校验码错误（GB 11643），请核对身份证号"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(consent)
                .post("/api/v1/consents")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("subject.resident-id.check-digit"))
                .body("errors[0].message", equalTo("resident ID has a wrong check digit (GB 11643)"));
    }

    @Test
    void aConsentNotFoundIsToldInChineseOrEnglish() {
        String none = UUID.randomUUID().toString();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/consents/" + none)
                .then()
                .statusCode(404)
                .body("code", equalTo("consent.not-found"))
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("没有此编号的授权。"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents/" + none)
                .then()
                .statusCode(404)
                .body("code", equalTo("consent.not-found"))
                .body("detail", equalTo("No consent with this id."));
    }

    @Test
    void aFirmsCreditCodeIsCheckedToo() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "FIRM",
                        "subjectId",
                        "91350100M000100Y44",
                        "purpose",
                        "GUARANTEE_REVIEW",
                        "signedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusDays(30).toString(),
                        "letterSha256",
                        "ab".repeat(32)))
                .post("/api/v1/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectId"))
                .body("errors[0].message", Matchers.startsWith("credit code check character is"));
        String code = TestData.creditCode();
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "FIRM",
                        "subjectId",
                        code,
                        "purpose",
                        "GUARANTEE_REVIEW",
                        "signedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusDays(30).toString(),
                        "letterSha256",
                        "ab".repeat(32)))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .body("subject", equalTo(code));
    }

    @Test
    void aTownshipOfficialRecordsForAHouseholdNamingTheLenderAndTheirDivisionIsKept() {
        String id = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        TestData.residentId(),
                        "purpose",
                        "LOAN_APPLICATION",
                        "signedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusDays(30).toString(),
                        "letterSha256",
                        "ab".repeat(32),
                        "institution",
                        "YYRCB"))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .body("institution", equalTo("YYRCB"))
                .body("onBehalfDivision", equalTo("330281100"))
                .body("recordedBy", equalTo(OFFICIAL_LINSHAN))
                .extract()
                .path("id");
        // The lender it was given to sees it; an official of another township does not.
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/consents/" + id)
                .then()
                .statusCode(200);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get("/api/v1/consents/" + id)
                .then()
                .statusCode(404);
        // Without naming the lender, the official's consent is refused.
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        TestData.residentId(),
                        "purpose",
                        "LOAN_APPLICATION",
                        "signedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusDays(30).toString(),
                        "letterSha256",
                        "ab".repeat(32)))
                .post("/api/v1/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("institution"));
    }

    private static Map<String, String> householdConsentOfficialRecords(String residentId) {
        return Map.of(
                "subjectType",
                "HOUSEHOLD",
                "subjectId",
                residentId,
                "purpose",
                "LOAN_APPLICATION",
                "signedOn",
                TODAY.toString(),
                "expiresOn",
                TODAY.plusDays(30).toString(),
                "letterSha256",
                "ab".repeat(32),
                "institution",
                "YYRCB");
    }

    @Test
    void anOfficialOfAnotherTownshipCannotRecordTheHouseholdsConsent() throws Exception {
        String rid = TestData.residentId();
        String hash = cipher.lookupHash("resident-id", rid);
        // the registry places the household in a Linshan village; the Mazhu official is refused
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType("application/json")
                .body(householdConsentOfficialRecords(rid))
                .post("/api/v1/consents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:household-not-in-township"));
        assertTrue(registry.lastBody.contains(rid), "the registry was asked about the consented head");
        assertEquals(
                0,
                GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent WHERE subject_hash = ?", hash),
                "nothing stored");

        // a head the registry does not know is nobody's township household either
        registry.answer(404, "{\"status\":404}");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(householdConsentOfficialRecords(rid))
                .post("/api/v1/consents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:household-not-in-township"));
        // the registry down: the township cannot be checked, so nothing is recorded
        registry.answer(503, "{\"status\":503}");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(householdConsentOfficialRecords(rid))
                .post("/api/v1/consents")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:source-unavailable"));
        assertEquals(0, GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent WHERE subject_hash = ?", hash));

        // a lender's own consent does not depend on the registry
        GatewayFixtures.recordConsent(LOAN_OFFICER, rid, "GUARANTEE_REVIEW");
        assertEquals(1, GatewayFixtures.count(dataSource, "SELECT count(*) FROM consent WHERE subject_hash = ?", hash));
    }

    @Test
    void revocationIsStampedOnceAndOnlyByTheConsentsInstitution() {
        String id = GatewayFixtures.recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW");
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .post("/api/v1/consents/" + id + "/revocation")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String revokedAt = given().header("Authorization", bearer(LOAN_OFFICER))
                .post("/api/v1/consents/" + id + "/revocation")
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revokedBy", equalTo(LOAN_OFFICER))
                .body("revokedAt", notNullValue())
                .extract()
                .path("revokedAt");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .post("/api/v1/consents/" + id + "/revocation")
                .then()
                .statusCode(200)
                .body("revokedAt", equalTo(revokedAt));
    }

    @Test
    void rolesWithoutConsentBusinessAreDeniedByTheRealm() {
        for (String user : new String[] {AUDITOR, GOV_CLERK}) {
            given().header("Authorization", bearer(user))
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/v1/consents")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/consents")
                .then()
                .statusCode(401);
    }
}

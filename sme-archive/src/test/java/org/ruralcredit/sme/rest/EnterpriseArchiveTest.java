package org.ruralcredit.sme.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.TestFirms;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

@QuarkusTest
class EnterpriseArchiveTest {

    @Inject
    DataSource dataSource;

    @Test
    void creditAdminArchivesACooperativeWithProtectedPersonalData() throws Exception {
        String uscc = TestFirms.freshCode('3');
        try (KafkaTail tail = KafkaTail.of("test.sme.enterprise.v1")) {
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .contentType("application/json")
                    .body(TestFirms.firm(uscc, "余姚市临山葡萄专业合作社", "330281100202", "A0151", 500_000, 12))
                    .post("/api/v1/enterprises")
                    .then()
                    .statusCode(201)
                    .header("Location", Matchers.endsWith("/api/v1/enterprises/" + uscc))
                    .body("entityType", equalTo("FARMERS_COOPERATIVE"))
                    .body("details.legalRepresentative.residentId", equalTo("330281********0019"))
                    .body("details.legalRepresentative.phone", equalTo("138****5678"))
                    .body("details.version", equalTo(1));

            List<KafkaTail.Received> events = tail.await(e -> e.aggregateId().equals(uscc), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            assertEquals(uscc, events.get(0).key());
            EnterpriseChanged data = events.get(0).event().dataAs(EventCatalog.SME_ENTERPRISE_CHANGED);
            assertEquals(EnterpriseChanged.CREATED, data.change());
            assertEquals("330281100202", data.divisionCode());
        }

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT legal_rep_id_cipher, legal_rep_phone_cipher, legal_rep_id_hash FROM enterprise WHERE uscc = ?")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains("330281198001010019"), "resident ID stored in clear");
                assertFalse(rs.getString(2).contains("13812345678"), "phone stored in clear");
                assertEquals(64, rs.getString(3).length());
            }
        }

        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/enterprises/" + uscc)
                .then()
                .statusCode(200)
                .body("details.legalRepresentative.name", equalTo("林国强"));
        // the gateway (firm reports under consent) and agencies see public registration facts only
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/api/v1/enterprises/" + uscc)
                .then()
                .statusCode(200)
                .body("name", equalTo("余姚市临山葡萄专业合作社"))
                .body("details", nullValue());
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/enterprises/" + uscc)
                .then()
                .statusCode(200)
                .body("details", nullValue());
        // a lender does not read it directly: only through the gateway's registered, consented report
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/enterprises/" + uscc)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void everyBadFieldIsReportedAndNothingIsStored() {
        String good = TestFirms.freshCode('1');
        Map<String, Object> body =
                new HashMap<>(TestFirms.firm(TestFirms.broken(good), "", "330281999", "Z99", -5, -1));
        body.put("legalRepresentative", Map.of("name", "林国强<b>", "residentId", "330281198001010018", "phone", "12345"));
        body.put("address", "1' OR '1'='1");
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/enterprises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "uscc",
                                "name",
                                "divisionCode",
                                "industryCode",
                                "registeredCapital",
                                "employees",
                                "legalRepresentative.residentId",
                                "legalRepresentative.phone",
                                "address",
                                "legalRepresentative.name"))
                .body("errors.find { it.field == 'uscc' }.message", Matchers.containsString("check character"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/enterprises/" + TestFirms.broken(good))
                .then()
                .statusCode(404);
    }

    @Test
    void fieldProblemsCarryTheirCodesAndAreWrittenInTheCallersLanguage() {
        String good = TestFirms.freshCode('1');
        Map<String, Object> body = new HashMap<>(TestFirms.firm(TestFirms.broken(good), "", "330281999", "C13", 5, 1));
        body.put("legalRepresentative", Map.of("name", "林国强", "residentId", "330281198001010018"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .contentType("application/json")
                .body(body)
                .post("/api/v1/enterprises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors.find { it.field == 'uscc' }.code", equalTo("uscc.check-character"))
                .body(
                        "errors.find { it.field == 'uscc' }.args.actual",
                        equalTo(TestFirms.broken(good).substring(17)))
                .body("errors.find { it.field == 'name' }.code", equalTo("firm.text-required"))
                .body("errors.find { it.field == 'name' }.args.max", equalTo(200))
                .body("errors.find { it.field == 'name' }.message", equalTo("必填，最多200个字"))
                .body("errors.find { it.field == 'divisionCode' }.message", equalTo("须为正式的9位乡镇代码或12位村级区划代码"))
                .body(
                        "errors.find { it.field == 'legalRepresentative.residentId' }.code",
                        equalTo("resident-id.check-digit"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/enterprises")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'name' }.message", equalTo("is required, at most 200 characters"))
                .body(
                        "errors.find { it.field == 'legalRepresentative.residentId' }.message",
                        equalTo("has a wrong check digit (GB 11643)"));
    }

    @Test
    void duplicateStaleAndOutOfAreaChangesAreRefused() {
        String uscc = TestFirms.archive("余姚市马渚五金厂", "330281106", "C33", 1_000_000, 30);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(TestFirms.firm(uscc, "again", "330281106", "C33", 1, 1))
                .post("/api/v1/enterprises")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:firm-exists"));

        Map<String, Object> correction =
                new HashMap<>(TestFirms.firm(uscc, "余姚市马渚五金制品厂", "330281106", "C33", 2_000_000, 35));
        correction.put("expectedVersion", 7);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(correction)
                .put("/api/v1/enterprises/" + uscc)
                .then()
                .statusCode(409);
        correction.put("expectedVersion", 1);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(correction)
                .put("/api/v1/enterprises/" + uscc)
                .then()
                .statusCode(200)
                .body("name", equalTo("余姚市马渚五金制品厂"))
                .body("details.version", equalTo(2));

        // the credit-admin of Yuyao (330281) cannot archive a firm in Cixi (330282)
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(TestFirms.firm(TestFirms.freshCode('2'), "慈溪某店", "330282104", "F52", 10_000, 2))
                .post("/api/v1/enterprises")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void onlyCreditAdminsWriteArchives() {
        for (String user : List.of(LOAN_OFFICER, GOV_CLERK, AUDITOR)) {
            given().header("Authorization", bearer(user))
                    .contentType("application/json")
                    .body(TestFirms.firm(TestFirms.freshCode('1'), "x", "330281100", "C33", 1, 1))
                    .post("/api/v1/enterprises")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void creditAdminsFindFirmsByTheRepresentativesResidentId() {
        String residentId = TestFirms.freshResidentId();
        String uscc = TestFirms.freshCode('2');
        Map<String, Object> body = new HashMap<>(TestFirms.firm(uscc, "临山镇某某小吃店", "330281100", "H62", 30_000, 2));
        body.put("legalRepresentative", Map.of("name", "王秀英", "residentId", residentId));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/enterprises")
                .then()
                .statusCode(201)
                .body("entityType", equalTo("SOLE_TRADER"));

        given().header("Authorization", bearer(AUDITOR))
                .queryParam("representativeId", residentId)
                .get("/api/v1/enterprises")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].uscc", equalTo(uscc))
                .body(
                        "items[0].details.legalRepresentative.residentId",
                        equalTo(residentId.substring(0, 6) + "********" + residentId.substring(14)));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("representativeId", residentId)
                .get("/api/v1/enterprises")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("representativeId", "330281198001010018")
                .get("/api/v1/enterprises")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("representativeId"));
    }
}

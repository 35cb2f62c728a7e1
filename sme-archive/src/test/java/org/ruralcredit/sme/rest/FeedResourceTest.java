package org.ruralcredit.sme.rest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.TestFirms;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class FeedResourceTest {

    @Inject
    DataSource dataSource;

    private static ValidatableResponse upload(String source, String asOf, String contentType, String body) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(contentType)
                .body(body)
                .queryParam("asOf", asOf)
                .post("/api/v1/feeds/" + source)
                .then();
    }

    @Test
    void marketRegulationCsvStoresGoodRowsReportsBadOnesAndIsIdempotent() {
        String a = TestFirms.archive("临山镇甲厂", "330281100", "C33", 100_000, 5);
        String b = TestFirms.archive("临山镇乙店", "330281100", "F52", 50_000, 3);
        String unknown = TestFirms.freshCode('1');
        String csv = "uscc,registrationStatus,annualReportFiled,abnormalListed\n"
                + a + ",ACTIVE,true,false\n"
                + TestFirms.broken(b) + ",ACTIVE,true,false\n"
                + b + ",ACTIVE,maybe,false\n"
                + unknown + ",ACTIVE,true,false\n"
                + b + ",REVOKED,false,true\n";
        upload("market-regulation", "2026-06-30", "text/csv", csv)
                .statusCode(200)
                .body("rows", equalTo(5))
                .body("stored", equalTo(2))
                .body("unchanged", equalTo(0))
                .body("rejected", equalTo(3))
                .body("errors.line", contains(3, 4, 5))
                .body("errors[0].reasons[0]", containsString("check character"))
                .body("errors[1].reasons[0]", containsString("annualReportFiled: 'maybe'"))
                .body("errors[2].uscc", equalTo(unknown))
                .body("errors[2].reasons[0]", containsString("no firm with this code is archived"));

        // the same file again changes nothing and reports the same bad rows
        upload("market-regulation", "2026-06-30", "text/csv; charset=utf-8", csv)
                .statusCode(200)
                .body("stored", equalTo(0))
                .body("unchanged", equalTo(2))
                .body("rejected", equalTo(3));

        // a later feed adds history; the archive shows both dates for the source
        upload(
                        "market-regulation",
                        "2026-09-30",
                        "text/csv",
                        "uscc,registrationStatus,annualReportFiled,abnormalListed\n" + a + ",ACTIVE,true,true\n")
                .statusCode(200)
                .body("stored", equalTo(1));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/facts/" + a)
                .then()
                .statusCode(200)
                .body("sources[0].source", equalTo("market-regulation"))
                .body("sources[0].agency", equalTo("市场监管"))
                .body("sources[0].history.asOf", contains("2026-09-30", "2026-06-30"))
                .body("sources[0].history[0].facts.abnormalListed", equalTo(true))
                .body("sources[0].history[1].facts.abnormalListed", equalTo(false));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/facts/" + unknown)
                .then()
                .statusCode(404);
    }

    @Test
    void taxJsonWithMixedRows() {
        String a = TestFirms.archive("马渚镇丙公司", "330281106", "C13", 300_000, 8);
        String json = """
                [
                  {"uscc": "%s", "creditGrade": "B", "arrears": 0},
                  {"uscc": "%s", "creditGrade": "X", "arrears": -3},
                  {"uscc": "%s", "creditGrade": "A", "arrears": 0, "comment": "late"}
                ]""".formatted(a, a, a);
        upload("tax", "2026-03-31", "application/json", json)
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("rejected", equalTo(2))
                .body("errors.line", contains(3, 4))
                .body("errors[0].reasons", hasSize(2));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("source", "tax")
                .get("/api/v1/facts/" + a)
                .then()
                .statusCode(200)
                .body("sources[0].history[0].facts.creditGrade", equalTo("B"))
                .body("sources[0].history[0].facts.arrears", equalTo(0));
    }

    @Test
    void utilitiesSocialInsuranceQualityAndCourtFeeds() {
        String a = TestFirms.archive("泗门镇丁厂", "330281103", "C34", 800_000, 20);
        upload(
                        "utilities",
                        "2026-09-30",
                        "text/csv",
                        "uscc,month,electricityKwh,waterTonnes\n" + a + ",2026-08,12000,300\n" + a + ",2026-09,13000,\n"
                                + a + ",2026-09,1,1\n" + a + ",2026-10,1,1\n")
                .statusCode(200)
                .body("stored", equalTo(2))
                .body("rejected", equalTo(2))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].reasons[0]", containsString("repeats the firm and month of line 3"))
                .body("errors[1].reasons[0]", containsString("after the feed's as-of date"));
        upload(
                        "social-insurance",
                        "2026-09-30",
                        "application/json",
                        "[{\"uscc\":\"" + a + "\",\"insuredHeadcount\":18},{\"uscc\":\"" + a + "\"}]")
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("errors[0].reasons[0]", equalTo("insuredHeadcount: is required"));
        upload("quality", "2026-09-30", "text/csv", "uscc,violations,lastViolationOn\n" + a + ",1,2025-11-02\n")
                .statusCode(200)
                .body("stored", equalTo(1));
        upload("courts", "2026-09-30", "application/json", "[{\"uscc\":\"" + a + "\",\"dishonestDebtor\":false}]")
                .statusCode(200)
                .body("stored", equalTo(1));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/facts/" + a)
                .then()
                .statusCode(200)
                .body("sources.source", contains("courts", "quality", "social-insurance", "utilities"))
                .body("sources[3].history.period", contains("2026-09", "2026-08"));
    }

    @Test
    void wholeFeedRefusals() {
        String tomorrow = LocalDate.now(ServiceClock.CHINA).plusDays(2).toString();
        upload("tax", tomorrow, "text/csv", "uscc,creditGrade,arrears\n")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
        upload("tax", null, "text/csv", "uscc,creditGrade,arrears\n")
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        upload("tax", "2026-13-01", "text/csv", "uscc,creditGrade,arrears\n").statusCode(400);
        upload("weather", "2026-03-31", "text/csv", "uscc\n").statusCode(404).contentType("application/problem+json");
        upload("tax", "2026-03-31", "text/csv", "code,grade\n1,A\n")
                .statusCode(400)
                .body("errors.message", Matchers.hasItem("unknown column 'code'"));
        upload("tax", "2026-03-31", "application/json", "{\"rows\": []}").statusCode(400);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/xml")
                .body("<a/>")
                .queryParam("asOf", "2026-03-31")
                .post("/api/v1/feeds/tax")
                .then()
                .statusCode(415);
    }

    @Test
    void onlyCreditAdminsUploadAndAuditorsReadTheLog() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("text/csv")
                .body("uscc,creditGrade,arrears\n")
                .queryParam("asOf", "2026-03-31")
                .post("/api/v1/feeds/tax")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/feeds")
                .then()
                .statusCode(403);
        upload("courts", "2026-01-31", "text/csv", "uscc,dishonestDebtor\n")
                .statusCode(200)
                .body("rows", equalTo(0));
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("source", "courts")
                .get("/api/v1/feeds")
                .then()
                .statusCode(200)
                .body("[0].source", equalTo("courts"))
                .body("[0].uploadedBy", equalTo("credit-admin"));
    }

    @Test
    void formUploadWithAFile() {
        String a = TestFirms.archive("黄家埠镇表单厂", "330281101", "C33", 100_000, 5);
        byte[] csv = ("uscc,creditGrade,arrears\n" + a + ",M,0\n" + a + "X,A,0\n").getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .multiPart("file", "tax-2026q1.csv", csv, "text/csv")
                .multiPart("asOf", "2026-03-31")
                .post("/api/v1/feeds/tax")
                .then()
                .statusCode(200)
                .body("format", equalTo("CSV"))
                .body("stored", equalTo(1))
                .body("errors[0].line", equalTo(3));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .multiPart(
                        "file",
                        "rows.json",
                        ("[{\"uscc\":\"" + a + "\",\"dishonestDebtor\":false}]").getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream")
                .multiPart("asOf", "2026-03-31")
                .post("/api/v1/feeds/courts")
                .then()
                .statusCode(200)
                .body("format", equalTo("JSON"))
                .body("stored", equalTo(1));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .multiPart("file", "rows.xlsx", new byte[] {1, 2}, "application/zip")
                .multiPart("asOf", "2026-03-31")
                .post("/api/v1/feeds/tax")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void rowsForFirmsOutsideTheAdminsCountyAreReportedNotStored() throws Exception {
        // a Cixi firm, archived by Cixi's own administrator (written directly: Yuyao's admin cannot)
        String cixi = TestFirms.freshCode('1');
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO enterprise (uscc, name, entity_type, division_code) VALUES (?, '慈溪某厂', 'ENTERPRISE', '330282104')")) {
            s.setString(1, cixi);
            s.executeUpdate();
        }
        String yuyao = TestFirms.archive("牟山镇本地厂", "330281108", "C33", 1, 1);
        upload("courts", "2026-02-28", "text/csv", "uscc,dishonestDebtor\n" + cixi + ",true\n" + yuyao + ",false\n")
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].reasons[0]", equalTo("uscc: the firm is outside your area 330281"));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/facts/" + cixi)
                .then()
                .statusCode(200)
                .body("sources", hasSize(0));
    }

    @Test
    void aFeedThatChangesAFirmsFactsAnnouncesItsNewScore() {
        String firm = TestFirms.archive("临山镇丁坊", "330281100", "C13", 80_000, 4);
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.SME_ENTERPRISE_CHANGED.topic())) {
            upload(
                            "tax",
                            "2026-03-31",
                            "application/json",
                            "[{\"uscc\": \"" + firm + "\", \"creditGrade\": \"D\", \"arrears\": 5000}]")
                    .statusCode(200)
                    .body("stored", equalTo(1));
            // the archive's own CREATED event may still be on its way: look for the facts change
            Predicate<EventEnvelope<?>> factsChanged = e -> e.aggregateId().equals(firm)
                    && EnterpriseChanged.FACTS_CHANGED.equals(
                            e.dataAs(EventCatalog.SME_ENTERPRISE_CHANGED).change());
            List<KafkaTail.Received> events = tail.await(factsChanged, 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            EnterpriseChanged changed = events.get(0).event().dataAs(EventCatalog.SME_ENTERPRISE_CHANGED);
            assertEquals(EnterpriseChanged.FACTS_CHANGED, changed.change());
            assertNotNull(changed.score());
            assertNotNull(changed.grade());
            // the same file again changes nothing, and announces nothing
            upload(
                            "tax",
                            "2026-03-31",
                            "application/json",
                            "[{\"uscc\": \"" + firm + "\", \"creditGrade\": \"D\", \"arrears\": 5000}]")
                    .statusCode(200)
                    .body("unchanged", equalTo(1));
            assertEquals(0, tail.await(factsChanged, 1, Duration.ofSeconds(3)).size());
        }
    }
}

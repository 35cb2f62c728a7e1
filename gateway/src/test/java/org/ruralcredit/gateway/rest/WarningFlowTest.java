package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.testing.KafkaSend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Early warnings end to end: announcements on Kafka → warnings for the lender holding the active loan. */
@QuarkusTest
class WarningFlowTest {

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    private static void reportLoan(String ref, String type, String subjectId) {
        GatewayFixtures.queriedBeforeLending(type, subjectId);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        type,
                        "subjectId",
                        subjectId,
                        "amount",
                        "80000.00",
                        "startDate",
                        TODAY.minusMonths(1).toString(),
                        "termMonths",
                        12,
                        "purpose",
                        "养殖"))
                .put("/api/v1/loans/" + ref)
                .then()
                .statusCode(201);
    }

    /** The registry household id the gateway would have learnt from a report on this head. */
    private UUID linkHousehold(String residentId) throws Exception {
        UUID household = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO household_link (subject_hash, household_id, village_code, seen_at) VALUES (?, ?, '330281100202', now())")) {
            s.setString(1, cipher.lookupHash("resident-id", residentId));
            s.setObject(2, household);
            s.executeUpdate();
        }
        return household;
    }

    private static EventEnvelope<HouseholdRated> rated(UUID household, String grade, int score, boolean credit) {
        return EventEnvelope.of(
                EventCatalog.HOUSEHOLD_RATED,
                household.toString(),
                "credit-rating",
                new HouseholdRated(
                        household.toString(),
                        "330281100202",
                        "330281100",
                        UUID.randomUUID().toString(),
                        "HH",
                        1,
                        score,
                        grade,
                        credit,
                        List.of(),
                        List.of(),
                        "FINAL",
                        1,
                        Instant.now(),
                        null,
                        null,
                        null));
    }

    private static List<Map<String, Object>> awaitWarnings(String loanRef, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            List<Map<String, Object>> mine = given()
                    .header("Authorization", bearer(LOAN_OFFICER))
                    .get("/api/v1/warnings?all=true&size=500")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<Map<String, Object>>>path("$")
                    .stream()
                    .filter(w -> loanRef.equals(w.get("loanRef")))
                    .toList();
            if (mine.size() >= count || Instant.now().isAfter(deadline)) {
                return mine;
            }
            Thread.sleep(300);
        }
    }

    @Test
    void aDowngradeWarnsTheLenderOnceEvenWhenDeliveredTwiceAndTheLenderAcknowledges() throws Exception {
        String rid = TestData.residentId();
        String ref = TestData.loanRef();
        reportLoan(ref, "HOUSEHOLD", rid);
        UUID household = linkHousehold(rid);

        EventEnvelope<HouseholdRated> downgrade = rated(household, "BELOW_A", 52, false);
        KafkaSend.send(
                "test." + EventCatalog.HOUSEHOLD_RATED.topic(), rated(household, "AA", 86, true), downgrade, downgrade);
        List<Map<String, Object>> warnings = awaitWarnings(ref, 2);
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(
                List.of("CREDIT_HOUSEHOLD_LOST", "RATING_DOWNGRADE"),
                warnings.stream().map(w -> (String) w.get("kind")).sorted().toList());
        assertEquals(
                rid.substring(0, 6) + "********" + rid.substring(14),
                warnings.get(0).get("subject"));
        Map<String, Object> lowered = warnings.stream()
                .filter(w -> "RATING_DOWNGRADE".equals(w.get("kind")))
                .findFirst()
                .orElseThrow();
        assertEquals("Rating lowered from AA (86) to below A (52).", lowered.get("detail"));
        assertEquals(
                Map.of("fromGrade", "AA", "fromScore", 86, "toGrade", "BELOW_A", "toScore", 52), lowered.get("args"));
        // the same warning in Chinese for a reader who asks for it
        given().header("Authorization", bearer(LOAN_OFFICER))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/warnings?all=true&size=500")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + lowered.get("id") + "' }.detail", equalTo("评级由 AA（86 分）降为 A级以下（52 分）。"));

        String id = (String) warnings.get(0).get("id");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .post("/api/v1/warnings/" + id + "/acknowledgement")
                .then()
                .statusCode(200)
                .body("acknowledgedBy", equalTo("loan-officer"))
                .body("acknowledgedAt", notNullValue());
        String first = given().header("Authorization", bearer(LOAN_OFFICER))
                .post("/api/v1/warnings/" + id + "/acknowledgement")
                .then()
                .statusCode(200)
                .extract()
                .path("acknowledgedAt");
        assertTrue(
                given()
                        .header("Authorization", bearer(LOAN_OFFICER))
                        .get("/api/v1/warnings?size=500")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("id")
                        .stream()
                        .noneMatch(id::equals),
                "acknowledged warnings leave the open list");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/warnings?all=true&size=500")
                .then()
                .statusCode(200);
        assertEquals(
                first,
                given().header("Authorization", bearer(LOAN_OFFICER))
                        .post("/api/v1/warnings/" + id + "/acknowledgement")
                        .then()
                        .extract()
                        .path("acknowledgedAt"));
    }

    @Test
    void aVetoAndAFirmsAdverseFactsWarnOnlyLendersWithActiveLoans() throws Exception {
        String rid = TestData.residentId();
        String ref = TestData.loanRef();
        reportLoan(ref, "HOUSEHOLD", rid);
        UUID household = linkHousehold(rid);
        KafkaSend.send(
                "test." + EventCatalog.MORALITY_POINTS_CHANGED.topic(),
                EventEnvelope.of(
                        EventCatalog.MORALITY_POINTS_CHANGED,
                        household.toString(),
                        "morality-score",
                        new MoralityPointsChanged(
                                household.toString(),
                                "330281100202",
                                "330281100",
                                2026,
                                "VETO",
                                UUID.randomUUID().toString(),
                                1,
                                List.of(),
                                60,
                                true,
                                List.of("V01"),
                                false,
                                false,
                                0,
                                null,
                                0,
                                null,
                                null)));
        assertEquals("MORAL_VETO", awaitWarnings(ref, 1).get(0).get("kind"));

        String uscc = TestData.creditCode();
        String firmLoan = TestData.loanRef();
        reportLoan(firmLoan, "FIRM", uscc);
        String settledLoanFirm = TestData.creditCode();
        KafkaSend.send("test." + EventCatalog.SME_ENTERPRISE_CHANGED.topic(), firm(uscc, 82, "A"), firm(uscc, 61, "B"));
        List<Map<String, Object>> firmWarnings = awaitWarnings(firmLoan, 1);
        assertEquals("FIRM_ADVERSE_FACT", firmWarnings.get(0).get("kind"));
        assertEquals(uscc, firmWarnings.get(0).get("subject"));

        // a settled loan gets no warning
        String settledRef = TestData.loanRef();
        reportLoan(settledRef, "FIRM", settledLoanFirm);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/loans/" + settledRef + "/settlement")
                .then()
                .statusCode(200);
        KafkaSend.send(
                "test." + EventCatalog.SME_ENTERPRISE_CHANGED.topic(),
                firm(settledLoanFirm, 82, "A"),
                firm(settledLoanFirm, 40, "C"),
                firm(uscc, 50, "C"));
        awaitWarnings(firmLoan, 2);
        assertEquals(0, awaitWarnings(settledRef, 0).size());
    }

    private static EventEnvelope<EnterpriseChanged> firm(String uscc, int score, String grade) {
        return EventEnvelope.of(
                EventCatalog.SME_ENTERPRISE_CHANGED,
                uscc,
                "sme-archive",
                new EnterpriseChanged(
                        uscc,
                        EnterpriseChanged.FACTS_CHANGED,
                        "临山农机合作社",
                        "COOPERATIVE",
                        "A01",
                        "330281100",
                        null,
                        null,
                        null,
                        false,
                        1,
                        score,
                        grade,
                        null));
    }

    @Test
    void onlyLendersSeeWarningsAndOnlyTheirOwn() {
        for (String user : List.of(AUDITOR, OFFICIAL_LINSHAN)) {
            given().header("Authorization", bearer(user))
                    .get("/api/v1/warnings")
                    .then()
                    .statusCode(403);
            given().header("Authorization", bearer(user))
                    .post("/api/v1/warnings/" + UUID.randomUUID() + "/acknowledgement")
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", bearer(LOAN_OFFICER))
                .post("/api/v1/warnings/" + UUID.randomUUID() + "/acknowledgement")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}

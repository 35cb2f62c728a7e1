package org.ruralcredit.morality.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.morality.TestHouseholds;
import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.TestHouseholds.OTHER_LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.deed;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.propose;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Each bad proposal is a problem+json naming what is wrong, and nothing of it is stored. */
@QuarkusTest
class ProposalRefusalTest {

    @Inject
    EntityManager em;

    private String household;

    @BeforeEach
    void household() {
        household = TestHouseholds.registered(LINSHAN_VILLAGE);
    }

    private long proposalsOf(String householdId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM proposal WHERE household_id = ?1")
                        .setParameter(1, householdId)
                        .getSingleResult())
                .longValue();
    }

    private void refusedAsInvalid(Map<String, Object> body, String field, String message) {
        propose(CLERK_LINSHAN, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:validation"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void unknownHouseholdIs404() {
        String stranger = "hh-" + UUID.randomUUID();
        propose(CLERK_LINSHAN, deed(stranger, "P01"))
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("household " + stranger + " is not in the moral bank's directory"));
    }

    @Test
    void markupInTheDescriptionIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("description", "<img src=x onerror=alert(1)>");
        refusedAsInvalid(body, "description", "must be plain text");
    }

    @Test
    void unknownRuleIsRefused() {
        refusedAsInvalid(deed(household, "Z99"), "ruleCode", "rule Z99 is not in catalogue version 1");
    }

    @Test
    void anUnknownRuleIsNamedByCodeAndWrittenInTheCallersLanguage() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        Map<String, Object> body = deed(household, "Z99");
        body.put("deedDate", today);
        LocalDate deedDate = LocalDate.parse(today);
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .contentType("application/json")
                .body(body)
                .post("/api/v1/proposals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("title", equalTo("请求内容有误"))
                .body("detail", equalTo("请求中有 1 个字段有误。"))
                .body("errors[0].field", equalTo("ruleCode"))
                .body("errors[0].code", equalTo("deed.rule-unknown"))
                .body("errors[0].args.ruleCode", equalTo("Z99"))
                .body("errors[0].args.version", equalTo(1))
                .body("errors[0].args.deedDate", equalTo(today))
                .body(
                        "errors[0].message",
                        equalTo("积分规则 Z99 不在 " + deedDate.getYear() + "年" + deedDate.getMonthValue() + "月"
                                + deedDate.getDayOfMonth() + "日 施行的第 1 版积分细则中"));
        propose(CLERK_LINSHAN, body)
                .statusCode(400)
                .body("detail", equalTo("The request has 1 invalid field(s)."))
                .body("errors[0].code", equalTo("deed.rule-unknown"))
                .body("errors[0].message", startsWith("rule Z99 is not in catalogue version 1, in force on "));
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void anUnknownHouseholdIsNamedInChinese() {
        String stranger = "hh-" + UUID.randomUUID();
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .body(deed(stranger, "P01"))
                .post("/api/v1/proposals")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("household.unknown"))
                .body("args.householdId", equalTo(stranger))
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("道德银行名录中没有农户 " + stranger + "。"));
    }

    @Test
    void aMalformedEvidenceHashAnswersItsCodeInChinese() {
        Map<String, Object> body = deed(household, "P01");
        body.put("evidenceHash", "not-a-hash");
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .body(body)
                .post("/api/v1/proposals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidenceHash"))
                .body("errors[0].code", equalTo("evidence.hash-format"))
                .body("errors[0].message", equalTo("应为小写十六进制的 SHA-256 哈希值"));
        propose(CLERK_LINSHAN, body)
                .statusCode(400)
                .body("errors[0].message", equalTo("must be a SHA-256 hash in lower-case hex"));
    }

    @Test
    void deedInTheFutureIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("deedDate", LocalDate.now(ServiceClock.CHINA).plusDays(2).toString());
        refusedAsInvalid(body, "deedDate", "must not be in the future");
    }

    @Test
    void deedBeforeTheFirstCatalogueVersionIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("deedDate", "2019-06-01");
        refusedAsInvalid(body, "deedDate", "before the first catalogue version");
    }

    @Test
    void ruleThatRequiresEvidenceWithoutAnyIsRefused() {
        Map<String, Object> body = deed(household, "L02");
        body.remove("evidenceNote");
        refusedAsInvalid(body, "evidenceNote", "requires evidence");
    }

    @Test
    void malformedEvidenceHashAndMissingFieldsAreListed() {
        Map<String, Object> body = deed(household, "P01");
        body.put("evidenceHash", "not-a-hash");
        body.remove("description");
        propose(CLERK_LINSHAN, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", Matchers.containsInAnyOrder("description", "evidenceHash"));
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void unknownJsonFieldIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("points", 50);
        propose(CLERK_LINSHAN, body).statusCode(400).contentType("application/problem+json");
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void clerkOutsideTheirVillageAndOfficialOutsideTheirTownshipAreRefused() {
        String elsewhere = TestHouseholds.registered(OTHER_LINSHAN_VILLAGE);
        propose(CLERK_LINSHAN, deed(elsewhere, "P01"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("household " + elsewhere + " is outside your village"));
        propose(OFFICIAL_MAZHU, deed(household, "P01"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("household " + household + " is outside your township"));
        assertEquals(0, proposalsOf(elsewhere));
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void unknownProposalIs404() {
        given().header("Authorization", DemoUsers.bearer(DemoUsers.OFFICIAL_LINSHAN))
                .post("/api/v1/reviews/{id}/approval", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}

package org.ruralcredit.morality.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.morality.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.deed;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.propose;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class FieldRulesResourceTest {

    private static final String RULES = "/api/v1/field-rules";

    @Test
    void theRulesComeWithTheirTagAndTheSameTagAnswers304() {
        String tag = given().header("Authorization", bearer(CLERK_LINSHAN))
                .get(RULES)
                .then()
                .statusCode(200)
                .header("ETag", startsWith("W/\""))
                .header("Cache-Control", equalTo(FieldRulesResource.CACHE_CONTROL))
                .body(
                        "fields.path",
                        hasItems("householdId", "kind", "ruleCode", "deedDate", "description", "evidenceNote"))
                .body("fields.find { it.path == 'householdId' }.required", equalTo(true))
                .body("fields.find { it.path == 'householdId' }.rules.code", hasItem("field.not-blank"))
                .body("fields.find { it.path == 'ruleCode' }.rules.code", hasItems("deed.fields", "deed.rule-unknown"))
                .body("fields.find { it.path == 'deedDate' }.type", equalTo("date"))
                .body(
                        "fields.find { it.path == 'deedDate' }.rules.code",
                        hasItems("field.not-null", "deed.date-in-future"))
                .body("fields.find { it.path == 'description' }.rules.code", hasItem("field.plain-text"))
                .body(
                        "fields.find { it.path == 'evidenceNote' }.rules.code",
                        hasItems("field.size", "deed.evidence-required", "veto.evidence-required"))
                .body(
                        "fields.find { it.path == 'kind' }.rules.find { it.type == 'Enum' }.values.value",
                        hasItems("DEED", "VETO", "REVERSAL"))
                .body("messages.'deed.fields'.zh", equalTo("积分事项须填写积分规则，不能同时填写否决事项或冲正条目"))
                .extract()
                .header("ETag");

        String body = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("If-None-Match", tag)
                .get(RULES)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag))
                .header("Cache-Control", equalTo(FieldRulesResource.CACHE_CONTROL))
                .extract()
                .asString();
        assertEquals("", body);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .header("If-None-Match", "W/\"rules-of-an-older-release\"")
                .get(RULES)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(tag));
    }

    @Test
    void onlyThoseWhoProposeDeedsGetTheRules() {
        given().header("Authorization", bearer(LOAN_OFFICER)).get(RULES).then().statusCode(403);
        given().header("Authorization", bearer(CREDIT_ADMIN)).get(RULES).then().statusCode(403);
        given().get(RULES).then().statusCode(401);
    }

    /** What the service refuses after the record's constraints is in the document, at the field the refusal names. */
    @Test
    void everyRefusalOfTheServicesOwnChecksIsDescribedAtItsField() {
        JsonPath rules = given().header("Authorization", bearer(CLERK_LINSHAN))
                .get(RULES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        String today = LocalDate.now(ServiceClock.CHINA).toString();
        String tomorrow = LocalDate.now(ServiceClock.CHINA).plusDays(1).toString();

        Map<String, Object> future = deed(household, "P01");
        future.put("deedDate", tomorrow);
        Map<String, Object> noRule = deed(household, null);
        Map<String, Object> deedAndVeto = deed(household, "P01");
        deedAndVeto.put("vetoCode", "V01");
        Map<String, Object> unknownRule = deed(household, "Z99");
        Map<String, Object> noEvidence = deed(household, "L02");
        noEvidence.remove("evidenceNote");
        Map<String, Object> beforeCatalogue = deed(household, "P01");
        beforeCatalogue.put("deedDate", "1990-01-01");
        Map<String, Object> vetoWithRule = veto(household, "V01");
        vetoWithRule.put("ruleCode", "P01");
        Map<String, Object> vetoWithoutEvidence = veto(household, "V01");
        vetoWithoutEvidence.remove("evidenceNote");
        Map<String, Object> unknownVeto = veto(household, "V99");
        Map<String, Object> reversalOfNothing = deed(household, null);
        reversalOfNothing.put("kind", "REVERSAL");
        reversalOfNothing.put("reversesEntryId", UUID.randomUUID().toString());
        Map<String, Object> reversalWithoutEntry = deed(household, null);
        reversalWithoutEntry.put("kind", "REVERSAL");
        reversalWithoutEntry.put("deedDate", today);

        List<String> expected = List.of(
                "deedDate deed.date-in-future",
                "ruleCode deed.fields",
                "ruleCode deed.fields",
                "ruleCode deed.rule-unknown",
                "evidenceNote deed.evidence-required",
                "deedDate deed.date-before-catalogue",
                "vetoCode veto.fields",
                "evidenceNote veto.evidence-required",
                "vetoCode veto.item-unknown",
                "reversesEntryId reversal.entry-unknown",
                "reversesEntryId reversal.fields");
        List<Map<String, Object>> bodies = List.of(
                future,
                noRule,
                deedAndVeto,
                unknownRule,
                noEvidence,
                beforeCatalogue,
                vetoWithRule,
                vetoWithoutEvidence,
                unknownVeto,
                reversalOfNothing,
                reversalWithoutEntry);
        for (int i = 0; i < bodies.size(); i++) {
            JsonPath problem = propose(CLERK_LINSHAN, bodies.get(i))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .extract()
                    .jsonPath();
            String field = problem.getString("errors[0].field");
            String code = problem.getString("errors[0].code");
            assertEquals(expected.get(i), field + " " + code, "the service refused as expected");
            List<String> described =
                    rules.getList("fields.find { it.path == '" + field + "' }.rules.code", String.class);
            assertTrue(described.contains(code), field + " " + code + " is not described: " + described);
        }
    }

    private static Map<String, Object> veto(String household, String vetoCode) {
        Map<String, Object> body = deed(household, null);
        body.put("kind", "VETO");
        body.put("vetoCode", vetoCode);
        return body;
    }
}

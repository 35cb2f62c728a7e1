package org.ruralcredit.registry.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class FieldRulesResourceTest {

    private static final String RULES = "/api/v1/field-rules";

    @Test
    void theRulesComeWithTheirTagAndTheSameTagAnswers304() {
        String tag = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(RULES)
                .then()
                .statusCode(200)
                .header("ETag", startsWith("W/\""))
                .header("Cache-Control", equalTo(FieldRulesResource.CACHE_CONTROL))
                .body("fields.path", hasItem("file.members[].residentId"))
                .body("fields.find { it.path == 'file.members[].residentId' }.rules.type", hasItem("ResidentId"))
                .body("messages.'resident-id.check-digit'.zh", equalTo("校验码错误（GB 11643）"))
                .extract()
                .header("ETag");

        String body = given().header("Authorization", bearer(CLERK_LINSHAN))
                .header("If-None-Match", tag)
                .get(RULES)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag))
                .extract()
                .asString();
        assertEquals("", body);
        // a strong form of the same tag, or one among others, matches too (weak comparison)
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .header("If-None-Match", "\"other\", " + tag.substring(2))
                .get(RULES)
                .then()
                .statusCode(304);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .header("If-None-Match", "W/\"rules-of-an-older-registry\"")
                .get(RULES)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(tag));
    }

    @Test
    void onlyThoseWhoFileHouseholdsGetTheRules() {
        given().header("Authorization", bearer(LOAN_OFFICER)).get(RULES).then().statusCode(403);
        given().get(RULES).then().statusCode(401);
    }
}

package org.ruralcredit.morality.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class CatalogueResourceTest {

    private static int versionCount() {
        return given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/catalogue/versions")
                .then()
                .statusCode(200)
                .extract()
                .path("size()");
    }

    /** The catalogue in force, as a body for a new version effective from {@code from}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> currentAsNew(LocalDate from) {
        Map<String, Object> c = given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/catalogue")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        c.remove("version");
        c.put("effectiveFrom", from.toString());
        return c;
    }

    @Test
    void theDefaultCatalogueHasSixteenChineseRulesThreeVetoesAndTheYuyaoThresholds() {
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/catalogue/versions/1")
                .then()
                .statusCode(200)
                .body("rules.size()", equalTo(16))
                .body("vetoes.size()", equalTo(3))
                .body("rules.find { it.code == 'L02' }.nameZh", equalTo("见义勇为"))
                .body("rules.find { it.code == 'L02' }.nameEn", equalTo("Acted bravely to help others"))
                .body("rules.find { it.code == 'F03' }.points", equalTo(-10))
                .body("baseScore", equalTo(60))
                .body("eligibilityThreshold", equalTo(80))
                .body("standards[0].cap", equalTo(36));
    }

    @Test
    void onlyCreditAdminPublishesAVersionAndABadOneIsRefusedWhole() {
        int before = versionCount();
        LocalDate later = LocalDate.now(ServiceClock.CHINA).plusYears(5);

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(currentAsNew(later))
                .post("/api/v1/catalogue/versions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        Map<String, Object> bad = currentAsNew(later);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> standards = (List<Map<String, Object>>) bad.get("standards");
        standards.get(1).put("cap", 30);
        bad.put("effectiveFrom", "2021-01-01");
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(bad)
                .post("/api/v1/catalogue/versions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("catalogue.invalid"))
                .body("detail", startsWith("The catalogue has "))
                .body("errors.message", hasItem("caps must add up to 100"))
                .body("errors.code", hasItem("catalogue.caps-total"))
                .body("errors.field", hasItem("effectiveFrom"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .body(bad)
                .post("/api/v1/catalogue/versions")
                .then()
                .statusCode(400)
                .body("title", equalTo("请求内容有误"))
                .body("detail", startsWith("积分细则中有 "))
                .body("errors.find { it.code == 'catalogue.caps-total' }.args.total", equalTo(100))
                .body("errors.find { it.code == 'catalogue.caps-total' }.message", equalTo("各项标准的分值上限合计应为 100 分"))
                .body("errors.find { it.code == 'catalogue.effective-in-past' }.message", equalTo("生效日期不能早于今天"));
        assertEquals(before, versionCount(), "nothing stored");

        Map<String, Object> good = currentAsNew(later);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> goodStandards = (List<Map<String, Object>>) good.get("standards");
        goodStandards.get(1).put("cap", 24);
        goodStandards.get(3).put("cap", 18);
        int created = given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(good)
                .post("/api/v1/catalogue/versions")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/catalogue/versions/" + (before + 1)))
                .body("standards[1].cap", equalTo(24))
                .extract()
                .path("version");
        assertEquals(before + 1, created);
        assertEquals(before + 1, versionCount());

        // today's catalogue and version 1 are untouched
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .body("[1].pointsCap", equalTo(22));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/catalogue/versions/1")
                .then()
                .statusCode(200)
                .body("standards[1].cap", equalTo(22));
    }

    @Test
    void unknownVersionIs404() {
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/catalogue/versions/99999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}

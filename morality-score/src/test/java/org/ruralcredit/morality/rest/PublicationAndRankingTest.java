package org.ruralcredit.morality.rest;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.morality.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.approve;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.proposed;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class PublicationAndRankingTest {

    private static void head(String household, String name, boolean optIn) {
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .contentType("application/json")
                .body(Map.of("headName", name, "rankingOptIn", optIn))
                .put("/api/v1/households/{id}/head", household)
                .then()
                .statusCode(200);
    }

    @Test
    void theMonthlyPostingMasksNamesAndTheRankingNamesOnlyThoseWhoOptedIn() {
        String lin = TestHouseholds.registered(LINSHAN_VILLAGE);
        String ouyang = TestHouseholds.registered(LINSHAN_VILLAGE);
        head(lin, "林国强", true);
        head(ouyang, "欧阳春晓", false);
        String linEntry = approve(OFFICIAL_LINSHAN, proposed(lin, "L02"))
                .statusCode(200)
                .extract()
                .path("entry.id");
        approve(OFFICIAL_LINSHAN, proposed(ouyang, "P01")).statusCode(200);

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String posting = given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("month", month)
                .get("/api/v1/villages/{code}/publication", LINSHAN_VILLAGE)
                .then()
                .statusCode(200)
                .body("month", equalTo(month))
                .body("entries.name", hasItem("林某"))
                .body("entries.name", hasItem("欧阳某"))
                .body("entries.itemZh", hasItem("见义勇为"))
                .extract()
                .asString();
        assertFalse(posting.contains("国强") || posting.contains("春晓"), "no full name in a posting");
        assertFalse(posting.contains(linEntry), "postings carry no ids");

        var ranking = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/villages/{code}/ranking", LINSHAN_VILLAGE)
                .then()
                .statusCode(200)
                .body("households.displayName", hasItem("林国强"))
                .body("households.displayName", not(hasItem("欧阳春晓")))
                .extract();
        List<Map<String, Object>> rows = ranking.path("households");
        Map<String, Object> linRow = rows.stream()
                .filter(r -> r.get("householdId").equals(lin))
                .findFirst()
                .orElseThrow();
        Map<String, Object> ouyangRow = rows.stream()
                .filter(r -> r.get("householdId").equals(ouyang))
                .findFirst()
                .orElseThrow();
        assertEquals(70, linRow.get("totalPoints"));
        assertEquals("欧阳某", ouyangRow.get("displayName"));
        assertTrue((Integer) linRow.get("rank") < (Integer) ouyangRow.get("rank"));
    }

    @Test
    void aYearThatCannotBeReadNamesTheParameter() {
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("year", "abc")
                .get("/api/v1/villages/{code}/ranking", LINSHAN_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].code", equalTo("param.unreadable"))
                .body("errors[0].args.value", equalTo("abc"))
                .body("errors[0].message", equalTo("cannot be read: abc"));
    }

    @Test
    void aYearOutOfRangeIsRefusedInTheCallersLanguage() {
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .queryParam("year", 1999)
                .get("/api/v1/villages/{code}/ranking", LINSHAN_VILLAGE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].code", equalTo("year.out-of-range"))
                .body("errors[0].message", equalTo("年份应在 2000 年至今年之间"));
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("year", 1999)
                .get("/api/v1/villages/{code}/ranking", LINSHAN_VILLAGE)
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("must be between 2000 and this year"));
    }

    @Test
    void aBadMonthIsRefused() {
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("month", "2026-13")
                .get("/api/v1/villages/{code}/publication", LINSHAN_VILLAGE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"))
                .body("errors[0].code", equalTo("month.format"));
    }
}

package org.ruralcredit.morality.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import org.ruralcredit.morality.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.TestHouseholds.OTHER_LINSHAN_VILLAGE;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class PanelRoundListTest {

    private static final String PATH = "/api/v1/panel-rounds";

    @Inject
    EntityManager em;

    private static String open(String village, String title) {
        return given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of("villageCode", village, "title", title))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private long count(String where) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM panel_round WHERE " + where)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void newestFirstWithCountsInTheCallersDivision() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        TestHouseholds.registered(OTHER_LINSHAN_VILLAGE);
        String older = open(LINSHAN_VILLAGE, "2026年第三季度背靠背评议");
        String rater = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of("name", "王建国", "role", "村委委员"))
                .post(PATH + "/{id}/raters", older)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .contentType("application/json")
                .body(Map.of("raterId", rater, "householdId", household, "score", 88))
                .post(PATH + "/{id}/scores", older)
                .then()
                .statusCode(201);
        String newer = open(OTHER_LINSHAN_VILLAGE, "2026年第四季度背靠背评议");

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("size", 2)
                .get(PATH)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(newer))
                .body("items[0].villageCode", equalTo(OTHER_LINSHAN_VILLAGE))
                .body("items[0].title", equalTo("2026年第四季度背靠背评议"))
                .body("items[0].state", equalTo("OPEN"))
                .body("items[0].raters", equalTo(0))
                .body("items[0].openedAt", notNullValue())
                .body("items[1].id", equalTo(older))
                .body("items[1].raters", equalTo(1))
                .body("items[1].scores", equalTo(1))
                .body("items[1].householdsScored", equalTo(1))
                .body("total", equalTo((int) count("village_code LIKE '330281100%'")));
        // a sealed score never shows in the listing
        String listed = given().header("Authorization", bearer(AUDITOR))
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("total", equalTo((int) count("true")))
                .extract()
                .asString();
        Assertions.assertFalse(listed.contains("\"score\""), "no score in the listing");

        // by village and state; the clerk sees their own village's rounds only
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParams(Map.of("village", LINSHAN_VILLAGE, "size", 200))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.villageCode", everyItem(equalTo(LINSHAN_VILLAGE)))
                .body("items.id", hasItem(older))
                .body("total", equalTo((int) count("village_code = '" + LINSHAN_VILLAGE + "'")));
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.villageCode", everyItem(equalTo(LINSHAN_VILLAGE)))
                .body("items.id", hasItem(older))
                .body("items.id", not(hasItem(newer)));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParams(Map.of("status", "CLOSED", "size", 200))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.state", everyItem(equalTo("CLOSED")))
                .body("items.id", not(hasItem(older)))
                .body("total", equalTo((int) count("state = 'CLOSED'")));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParams(Map.of("status", "OPEN", "size", 200))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(newer))
                .body("items.villageCode", everyItem(startsWith("330281100")));

        // another township's official sees none of them, as the single read refuses them
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(older)))
                .body("items.id", not(hasItem(newer)))
                .body("items.villageCode", everyItem(startsWith("330281106")));
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get(PATH + "/{id}", older)
                .then()
                .statusCode(403);
    }

    @Test
    void badPagingStatusOrVillageIsRefusedWithACode() {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("size", 201)
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", containsString("size"))
                .body("errors[0].code", equalTo("field.max"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("size", 0)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("field.min"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("status", "SEALED")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].code", equalTo("param.unreadable"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("village", "3302811002")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("village"))
                .body("errors[0].code", equalTo("village.code-format"));
        given().header("Authorization", bearer(LOAN_OFFICER)).get(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
    }
}

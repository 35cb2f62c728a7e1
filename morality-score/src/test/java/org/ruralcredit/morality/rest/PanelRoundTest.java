package org.ruralcredit.morality.rest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.TestHouseholds;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.POINTS_TOPIC;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class PanelRoundTest {

    private static ValidatableResponse post(String user, String path, Object body, Object... params) {
        var request = given().header("Authorization", bearer(user)).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path, params).then();
    }

    private static String rater(String round, String name, String role) {
        return post(OFFICIAL_LINSHAN, "/api/v1/panel-rounds/{id}/raters", Map.of("name", name, "role", role), round)
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void score(String user, String round, String rater, String household, int score) {
        post(
                        user,
                        "/api/v1/panel-rounds/{id}/scores",
                        Map.of("raterId", rater, "householdId", household, "score", score),
                        round)
                .statusCode(201)
                .body("scoresInForHousehold", Matchers.greaterThan(0));
    }

    @Test
    void scoresStaySealedUntilFiveRatersScoredEveryHouseholdThenTheTrimmedMeanIsPublished() {
        String a = TestHouseholds.registered(LINSHAN_VILLAGE);
        String b = TestHouseholds.registered(LINSHAN_VILLAGE);
        post(OFFICIAL_MAZHU, "/api/v1/panel-rounds", Map.of("villageCode", LINSHAN_VILLAGE, "title", "x"))
                .statusCode(403)
                .contentType("application/problem+json");
        post(CLERK_LINSHAN, "/api/v1/panel-rounds", Map.of("villageCode", LINSHAN_VILLAGE, "title", "x"))
                .statusCode(403)
                .contentType("application/problem+json");
        String round = post(
                        OFFICIAL_LINSHAN,
                        "/api/v1/panel-rounds",
                        Map.of("villageCode", LINSHAN_VILLAGE, "title", "2026年第四季度背靠背评议"))
                .statusCode(201)
                .body("state", equalTo("OPEN"))
                .header("Location", Matchers.containsString("/api/v1/panel-rounds/"))
                .extract()
                .path("id");

        List<String> raters = new ArrayList<>();
        String[][] names = {{"王建国", "村委委员"}, {"李秀英", "村委委员"}, {"张伟", "驻村干部"}, {"陈德明", "乡贤"}};
        for (String[] n : names) {
            raters.add(rater(round, n[0], n[1]));
        }
        post(OFFICIAL_LINSHAN, "/api/v1/panel-rounds/{id}/raters", Map.of("name", "王建国", "role", "乡贤"), round)
                .statusCode(409);
        int[] scoresA = {90, 85, 70, 95};
        for (int i = 0; i < 4; i++) {
            score(i % 2 == 0 ? CLERK_LINSHAN : OFFICIAL_LINSHAN, round, raters.get(i), a, scoresA[i]);
        }
        post(OFFICIAL_LINSHAN, "/api/v1/panel-rounds/{id}/closing", null, round)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:too-few-raters"))
                .body("code", equalTo("panel.too-few-raters"))
                .body("args.min", equalTo(5))
                .body("args.count", equalTo(4))
                .body("detail", equalTo("a round needs at least 5 raters to close; it has 4"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .post("/api/v1/panel-rounds/{id}/closing", round)
                .then()
                .statusCode(422)
                .body("title", equalTo("无法处理的请求"))
                .body("detail", equalTo("每轮评议至少需要 5 名评议人才能结束，目前只有 4 名。"));

        raters.add(rater(round, "周美华", "乡贤"));
        score(CLERK_LINSHAN, round, raters.get(4), a, 60);
        post(
                        CLERK_LINSHAN,
                        "/api/v1/panel-rounds/{id}/scores",
                        Map.of("raterId", raters.get(4), "householdId", a, "score", 99),
                        round)
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:already-scored"));
        post(
                        CLERK_LINSHAN,
                        "/api/v1/panel-rounds/{id}/scores",
                        Map.of("raterId", raters.get(0), "householdId", b, "score", 101),
                        round)
                .statusCode(400)
                .body("errors[0].field", equalTo("score"));
        score(CLERK_LINSHAN, round, raters.get(0), b, 80);

        // sealed: counts only, no score anywhere in the round
        String sealed = given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/panel-rounds/{id}", round)
                .then()
                .statusCode(200)
                .body("raters", hasSize(5))
                .body("householdsScored", equalTo(2))
                .body("results", hasSize(0))
                .extract()
                .asString();
        assertFalse(sealed.contains("\"score\""), sealed);
        post(OFFICIAL_LINSHAN, "/api/v1/panel-rounds/{id}/closing", null, round)
                .statusCode(422)
                .body("type", equalTo("urn:ruralcredit:problem:scores-missing"))
                .body("detail", containsString(b));

        int[] scoresB = {80, 75, 75, 100, 40};
        for (int i = 1; i < 5; i++) {
            score(OFFICIAL_LINSHAN, round, raters.get(i), b, scoresB[i]);
        }
        try (KafkaTail tail = KafkaTail.of(POINTS_TOPIC)) {
            post(OFFICIAL_LINSHAN, "/api/v1/panel-rounds/{id}/closing", null, round)
                    .statusCode(200)
                    .body("state", equalTo("CLOSED"))
                    .body("results.find { it.householdId == '" + a + "' }.trimmedMean", equalTo(81.67f))
                    .body("results.find { it.householdId == '" + a + "' }.raterCount", equalTo(5))
                    .body("results.find { it.householdId == '" + b + "' }.trimmedMean", equalTo(76.67f));
            MoralityPointsChanged data = tail.await(
                            e -> e.aggregateId().equals(a)
                                    && e.dataAs(EventCatalog.MORALITY_POINTS_CHANGED)
                                            .cause()
                                            .equals(MoralityPointsChanged.PANEL_RESULT),
                            1,
                            Duration.ofSeconds(30))
                    .get(0)
                    .event()
                    .dataAs(EventCatalog.MORALITY_POINTS_CHANGED);
            assertEquals(MoralityPointsChanged.PANEL_RESULT, data.cause());
            assertEquals(new BigDecimal("81.67"), data.panelScore());
            assertEquals(5, data.panelRaterCount());
            assertEquals("ACTIVE", data.status());
            ProfileOnTheEvent.assertCarriesTheProfile(data);
        }

        post(
                        CLERK_LINSHAN,
                        "/api/v1/panel-rounds/{id}/scores",
                        Map.of("raterId", raters.get(0), "householdId", a, "score", 10),
                        round)
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:round-closed"));
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/profile", b)
                .then()
                .statusCode(200)
                .body("panelScore", equalTo(76.67f))
                .body("panelRaterCount", equalTo(5));
    }
}

package org.ruralcredit.morality.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.ruralcredit.events.morality.MoralityPointsChanged;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

/**
 * A morality.points.v1 event carries the household's status and recent entries exactly as the
 * gateway's profile read answers them: the gateway's read model shows them instead of asking.
 */
final class ProfileOnTheEvent {

    private ProfileOnTheEvent() {}

    /** Reads the profile now (right after the change) and compares it with the event, field by field. */
    static void assertCarriesTheProfile(MoralityPointsChanged event) {
        ExtractableResponse<Response> profile = given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/internal/v1/households/{id}/profile", event.householdId())
                .then()
                .statusCode(200)
                .extract();
        assertNotNull(event.status(), "the event carries the status");
        assertEquals(profile.<String>path("status"), event.status(), "status");
        List<Map<String, Object>> entries = profile.path("recentEntries");
        assertNotNull(event.recentEntries(), "the event carries the recent entries");
        assertEquals(entries.size(), event.recentEntries().size(), "as many recent entries as the profile");
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> shown = entries.get(i);
            MoralityPointsChanged.Entry carried = event.recentEntries().get(i);
            String at = "recent entry " + i + ": ";
            assertEquals(shown.get("kind"), carried.kind(), at + "kind");
            assertEquals(shown.get("ruleCode"), carried.ruleCode(), at + "ruleCode");
            assertEquals(shown.get("vetoCode"), carried.vetoCode(), at + "vetoCode");
            assertEquals(shown.get("standardCode"), carried.standardCode(), at + "standardCode");
            assertEquals(LocalDate.parse((String) shown.get("deedDate")), carried.deedDate(), at + "deedDate");
            assertEquals(shown.get("points"), carried.points(), at + "points");
            assertEquals(shown.get("reversed"), carried.reversed(), at + "reversed");
            assertEquals(shown.get("description"), carried.description(), at + "description");
        }
    }
}

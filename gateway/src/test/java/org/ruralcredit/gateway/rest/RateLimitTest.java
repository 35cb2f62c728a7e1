package org.ruralcredit.gateway.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.LOAN_SUPERVISOR;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Report requests are limited per user: the profile allows two an hour, so the third is refused
 * with 429, Retry-After and the catalogue's problem, before the body is read, while another user
 * of the same bank still gets through. The JSON and the printable report share one bucket.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TwoReportsAnHour.class)
class RateLimitTest {

    public static class TwoReportsAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ruralcredit.rate-limit.buckets.reports.capacity",
                    "2",
                    "ruralcredit.rate-limit.buckets.reports.period",
                    "1H");
        }
    }

    /** An empty request: refused as invalid when it gets through, so nothing is registered. */
    private static ValidatableResponse ask(String user, String accept) {
        return given().header("Authorization", bearer(user))
                .header("Accept-Language", "zh-CN")
                .accept(accept)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/reports/households")
                .then();
    }

    @Test
    void theThirdReportRequestInAnHourIsRefusedWithRetryAfterAndOthersAreNot() {
        ask(LOAN_SUPERVISOR, "application/json").statusCode(400);
        ask(LOAN_SUPERVISOR, "text/html").statusCode(400);
        ask(LOAN_SUPERVISOR, "application/json")
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1800")
                .body("code", equalTo("request.too-many"))
                .body("args.seconds", equalTo(1800))
                .body("detail", containsString("1,800 秒后再试"));
        ask(LOAN_OFFICER, "application/json").statusCode(400);
    }
}

package org.ruralcredit.morality.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.morality.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.TestHouseholds.OTHER_LINSHAN_VILLAGE;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Function level from the realm (which role may call which path), object level from the service (whose division). */
@QuarkusTest
class AccessTest {

    private static String household;
    private static String elsewhere;

    /** Once per class; in @BeforeEach because the test server's port is known only then. */
    @BeforeEach
    void households() {
        if (household != null) {
            return;
        }
        household = TestHouseholds.registered(LINSHAN_VILLAGE);
        elsewhere = TestHouseholds.registered(OTHER_LINSHAN_VILLAGE);
    }

    private static int get(String user, String path) {
        var request = given();
        if (user != null) {
            request = request.header("Authorization", bearer(user));
        }
        var response = request.get(path);
        response.then().contentType(response.statusCode() == 200 ? "application/json" : "application/problem+json");
        return response.statusCode();
    }

    private static void expect(String path, Map<String, Integer> statusByUser) {
        statusByUser.forEach((user, status) -> Assertions.assertEquals(status, get(user, path), user + " GET " + path));
    }

    @Test
    void readersByRoleAndDivision() {
        String profile = "/api/v1/households/" + household + "/profile";
        expect(
                profile,
                Map.of(
                        CLERK_LINSHAN,
                        200,
                        OFFICIAL_LINSHAN,
                        200,
                        CREDIT_ADMIN,
                        200,
                        AUDITOR,
                        200,
                        OFFICIAL_MAZHU,
                        403,
                        LOAN_OFFICER,
                        403,
                        GOV_CLERK,
                        403,
                        SHARED_COUNTER,
                        403));
        expect("/api/v1/households/" + elsewhere + "/profile", Map.of(CLERK_LINSHAN, 403, OFFICIAL_LINSHAN, 200));
        expect(
                "/api/v1/villages/" + LINSHAN_VILLAGE + "/ranking",
                Map.of(CLERK_LINSHAN, 200, OFFICIAL_MAZHU, 403, AUDITOR, 200, LOAN_OFFICER, 403));
        expect("/api/v1/catalogue", Map.of(CLERK_LINSHAN, 200, AUDITOR, 200, LOAN_OFFICER, 403, GOV_CLERK, 403));
        expect("/api/v1/reviews", Map.of(OFFICIAL_LINSHAN, 200, CLERK_LINSHAN, 403, AUDITOR, 403, CREDIT_ADMIN, 403));
        expect("/api/v1/proposals", Map.of(CLERK_LINSHAN, 200, LOAN_OFFICER, 403));
    }

    @Test
    void anonymousCallersGet401ProblemJson() {
        for (String path : List.of(
                "/api/v1/catalogue",
                "/api/v1/proposals",
                "/api/v1/reviews",
                "/api/v1/households/" + household + "/profile",
                "/api/v1/villages/" + LINSHAN_VILLAGE + "/ranking")) {
            Assertions.assertEquals(401, get(null, path), path);
        }
    }

    @Test
    void writersByRole() {
        Map<String, Object> deed = MakerCheckerFlowTest.deed(household, "P01");
        for (String user : List.of(AUDITOR, CREDIT_ADMIN, LOAN_OFFICER, GOV_CLERK)) {
            MakerCheckerFlowTest.propose(user, deed)
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
        given().header("Authorization", bearer(AUDITOR))
                .contentType("application/json")
                .body(Map.of("headName", "林国强", "rankingOptIn", true))
                .put("/api/v1/households/{id}/head", household)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .contentType("application/json")
                .body(Map.of("headName", "林国强", "rankingOptIn", true))
                .put("/api/v1/households/{id}/head", elsewhere)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .post("/api/v1/reviews/{id}/approval", UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}

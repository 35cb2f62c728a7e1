package org.ruralcredit.morality.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.morality.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

/** The gateway's internal read of a moral profile: its service account only. */
@QuarkusTest
class InternalHouseholdResourceTest {

    @Test
    void theGatewaysServiceAccountReadsAProfileAndNobodyElseDoes() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/internal/v1/households/{id}/profile", household)
                .then()
                .statusCode(200)
                .body("householdId", equalTo(household))
                .body("standing.vetoed", equalTo(false));
        for (String user : new String[] {OFFICIAL_LINSHAN, CREDIT_ADMIN, LOAN_OFFICER}) {
            given().header("Authorization", bearer(user))
                    .get("/internal/v1/households/{id}/profile", household)
                    .then()
                    .statusCode(403);
        }
        // the internal reader has no other household path
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/api/v1/households/{id}/entries", household)
                .then()
                .statusCode(403);
    }
}

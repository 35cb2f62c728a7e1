package org.ruralcredit.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.hostile.Fixtures;
import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;

/**
 * Fault 5: Keycloak is stopped while farmer-registry runs. Tokens issued before keep working
 * where the decision is local: an RPT reads and writes as before. A plain access token, whose
 * permissions the policy enforcer must ask Keycloak about, gets a 503 problem+json that says so
 * (never a misleading 403), and a new login fails. Once Keycloak is back, the same plain token
 * and new logins work again, and the registry was never restarted.
 */
@EnabledIfSystemProperty(named = "faults", matches = "true")
class KeycloakOutageTest {

    private static ServiceProcess registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        SharedStack.stop(); // this suite needs the ports, or stops what the shared platform runs on
        registry = new ServiceProcess("farmer-registry", 18081).start();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void tokensDecidedLocallyKeepWorkingAndTheRestReturnsWithKeycloak() throws Exception {
        Fixtures fixtures = new Fixtures();
        String plain = "Bearer " + DemoUsers.tokenOf(OFFICIAL_LINSHAN);
        String rpt = "Bearer " + DemoUsers.rptOf(OFFICIAL_LINSHAN, "farmer-registry");
        String household = fixtures.householdInRegistry(registry.baseUrl()).id();
        assertEquals(200, read(plain, household).statusCode());
        assertEquals(200, read(rpt, household).statusCode());

        StackComponent keycloak = new StackComponent("keycloak");
        keycloak.stop();
        int readsWithRpt = 0;
        try {
            for (int i = 0; i < 20; i++) {
                Response r = read(rpt, household);
                assertEquals(200, r.statusCode(), "an RPT is decided locally: " + r.asString());
                readsWithRpt++;
            }
            Response written = fixtures.postHousehold(registry.baseUrl(), rpt);
            assertEquals(201, written.statusCode(), "writes with an RPT go on: " + written.asString());

            Response refused = read(plain, household);
            assertEquals(
                    503,
                    refused.statusCode(),
                    "a plain token cannot be decided without Keycloak: " + refused.asString());
            assertEquals("application/problem+json", refused.contentType());
            assertEquals("urn:ruralcredit:problem:authorization-unavailable", refused.path("type"));
            assertNotNull(refused.header("Retry-After"));

            HttpRequest login = HttpRequest.newBuilder(
                            URI.create(DemoUsers.keycloakUrl() + "/realms/rural-credit/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password"))
                    .build();
            assertThrows(
                    IOException.class,
                    () -> HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.discarding()),
                    "no new login while Keycloak is away");
        } finally {
            keycloak.start();
        }

        // back: the plain token issued before the outage, a new login and the RPT all work; no restart
        assertEquals(200, read(plain, household).statusCode(), "the plain token works again");
        String fresh = "Bearer " + freshLogin();
        assertEquals(200, read(fresh, household).statusCode(), "a new login works again");
        assertEquals(200, read(rpt, household).statusCode());
        System.out.printf(
                "Keycloak outage: %d reads and 1 write with an RPT succeeded, plain token 503 problem+json, "
                        + "all back after Keycloak returned without restarting the registry%n",
                readsWithRpt);
    }

    private static Response read(String authorization, String household) {
        return given().baseUri(registry.baseUrl())
                .header("Authorization", authorization)
                .get("/api/v1/households/{id}", household);
    }

    private static String freshLogin() {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "rural-credit-console")
                .formParam("username", OFFICIAL_LINSHAN)
                .formParam("password", "demo-password")
                .post(DemoUsers.keycloakUrl() + "/realms/rural-credit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}

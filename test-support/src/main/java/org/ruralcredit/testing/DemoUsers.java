package org.ruralcredit.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Real access tokens for the realm's demo users, by the password grant on the console client.
 * Tokens are cached until shortly before they expire, so a test class does not log in per call.
 */
public final class DemoUsers {

    public static final String OFFICIAL_LINSHAN = "official-linshan";
    public static final String OFFICIAL_MAZHU = "official-mazhu";
    public static final String CLERK_LINSHAN = "clerk-linshan";
    public static final String LOAN_OFFICER = "loan-officer";
    /** A second named lender of YYRCB: approves the loan officer's adverse reports (four eyes). */
    public static final String LOAN_SUPERVISOR = "loan-supervisor";

    public static final String GOV_CLERK = "gov-clerk";
    public static final String CREDIT_ADMIN = "credit-admin";
    public static final String AUDITOR = "auditor";
    public static final String SHARED_COUNTER = "shared-counter";

    /** The demo realm's password for every demo user; demo-only, documented in the README. */
    public static final String DEMO_PASSWORD = "demo-password";

    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {}

    private DemoUsers() {}

    public static String keycloakUrl() {
        return System.getProperty(
                "keycloak.url", System.getenv().getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180"));
    }

    /** Serialised: a burst of parallel logins of one user is what brute-force detection locks out. */
    public static synchronized String tokenOf(String username) {
        Token cached = CACHE.get(username);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
            return cached.value();
        }
        var response = given().formParam("grant_type", "password")
                .formParam("client_id", "rural-credit-console")
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD)
                .post(keycloakUrl() + "/realms/rural-credit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract();
        Token token = new Token(
                response.path("access_token"),
                Instant.now().plusSeconds(((Number) response.path("expires_in")).longValue()));
        CACHE.put(username, token);
        return token.value();
    }

    /** {@code Authorization} header value for a demo user. */
    public static String bearer(String username) {
        return "Bearer " + tokenOf(username);
    }

    /** The gateway's service account (client credentials, demo secret): the internal reader of the services. */
    public static final String GATEWAY_SERVICE = "gateway";

    /** {@code Authorization} header value for a client's service account (client-credentials grant, demo secret). */
    public static synchronized String serviceBearer(String clientId) {
        Token cached = CACHE.get("client:" + clientId);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
            return "Bearer " + cached.value();
        }
        var response = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", "demo-" + clientId + "-secret")
                .post(keycloakUrl() + "/realms/rural-credit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract();
        Token token = new Token(
                response.path("access_token"),
                Instant.now().plusSeconds(((Number) response.path("expires_in")).longValue()));
        CACHE.put("client:" + clientId, token);
        return "Bearer " + token.value();
    }

    /**
     * A requesting party token of a demo user for one service (the UMA grant, audience = the
     * service's client): the service's policy enforcer decides on it without asking Keycloak.
     */
    public static String rptOf(String username, String audience) {
        return given().header("Authorization", bearer(username))
                .formParam("grant_type", "urn:ietf:params:oauth:grant-type:uma-ticket")
                .formParam("audience", audience)
                .post(keycloakUrl() + "/realms/rural-credit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}

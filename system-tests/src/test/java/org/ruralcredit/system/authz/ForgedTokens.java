package org.ruralcredit.system.authz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;

/**
 * Tokens no service may accept: an expired one, one of another realm, one whose payload was
 * changed after signing, one whose signature was changed, and one that claims {@code alg: none}.
 * The expired one comes from a throw-away client whose tokens live one second, made and removed
 * through the admin API of the local demo Keycloak.
 */
final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private ForgedTokens() {}

    static String tamperedSignature(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** The same signature over a payload that now also claims the credit-admin role. */
    static String tamperedPayload(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[", "\"roles\":[\"credit-admin\",");
        return parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    static String algNone(String token) {
        String[] parts = token.split("\\.");
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
    }

    /**
     * The ID token or the refresh token of a real sign-in of the user: well signed by the realm, but
     * not access tokens ({@code typ} ID / Refresh), so no service may take them as bearer tokens.
     */
    static String otherTokenOf(String username, String kind) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "rural-credit-console")
                .formParam("scope", "openid")
                .formParam("username", username)
                .formParam("password", DemoUsers.DEMO_PASSWORD)
                .post(DemoUsers.keycloakUrl() + "/realms/rural-credit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path(kind);
    }

    /** An admin token of Keycloak's master realm: well signed, by the wrong issuer. */
    static String otherRealm() {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", adminUser())
                .formParam("password", adminPassword())
                .post(DemoUsers.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A real token of the user that has expired by the time this returns. */
    static String expired(String username) throws InterruptedException {
        String admin = "Bearer " + otherRealm();
        String clientId = "expiry-probe-" + UUID.randomUUID();
        String location = given().header("Authorization", admin)
                .contentType("application/json")
                .body("{\"clientId\":\"" + clientId + "\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
                        + "\"attributes\":{\"access.token.lifespan\":\"1\"}}")
                .post(DemoUsers.keycloakUrl() + "/admin/realms/rural-credit/clients")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        try {
            String token = given().formParam("grant_type", "password")
                    .formParam("client_id", clientId)
                    .formParam("username", username)
                    .formParam("password", "demo-password")
                    .post(DemoUsers.keycloakUrl() + "/realms/rural-credit/protocol/openid-connect/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
            Thread.sleep(3_000);
            return token;
        } finally {
            given().header("Authorization", admin).delete(location).then().statusCode(204);
        }
    }

    private static String adminUser() {
        return System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin");
    }

    private static String adminPassword() {
        return System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin-demo-password");
    }
}

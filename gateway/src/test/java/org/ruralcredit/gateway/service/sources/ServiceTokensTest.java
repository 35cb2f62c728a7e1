package org.ruralcredit.gateway.service.sources;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's service tokens from the realm's Keycloak: an RPT per service, the access token otherwise. */
@QuarkusTest
class ServiceTokensTest {

    @Inject
    ServiceTokens tokens;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    @Test
    void aServiceGetsAnRptForItsAudienceWithTheGrantedPermissionsAndItIsCached() throws Exception {
        String token =
                tokens.forService("farmer-registry").toCompletableFuture().get(10, TimeUnit.SECONDS);

        JsonNode claims = claims(token);
        assertTrue(claims.path("authorization").path("permissions").size() > 0, claims.toString());
        assertTrue(claims.path("aud").toString().contains("farmer-registry"), claims.toString());
        assertEquals(
                "service-account-gateway", claims.path("preferred_username").asText());
        assertEquals(token, tokens.cachedValue("farmer-registry"), "the next call sends the cached RPT");
    }

    @Test
    void anAudienceKeycloakRefusesGetsThePlainAccessToken() throws Exception {
        String token =
                tokens.forService("no-such-service").toCompletableFuture().get(10, TimeUnit.SECONDS);

        JsonNode claims = claims(token);
        assertTrue(claims.path("authorization").isMissingNode(), claims.toString());
        assertEquals(
                "service-account-gateway", claims.path("preferred_username").asText());
        assertTrue(claims.path("realm_access").toString().contains("internal-reader"), claims.toString());
        assertNull(tokens.cachedValue("no-such-service"));
    }

    @Test
    void theBlockingExchangeLeavesTheEventLoop() throws Exception {
        tokens.forService("credit-rating").toCompletableFuture().get(10, TimeUnit.SECONDS); // access token cached
        CompletableFuture<Boolean> calledOnEventLoop = new CompletableFuture<>();
        CompletableFuture<String> exchanged = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> {
            calledOnEventLoop.complete(Context.isOnEventLoopThread());
            tokens.forService("credit-rating").whenComplete((token, failure) -> exchanged.complete(token));
        });

        assertTrue(calledOnEventLoop.get(10, TimeUnit.SECONDS), "asked from the event loop");
        assertNotNull(exchanged.get(10, TimeUnit.SECONDS));
        // where the blocking exchange itself ran (the thread a callback runs on depends on whether the
        // exchange had finished when it was attached, so it says nothing)
        assertFalse(tokens.lastExchangeOnEventLoop(), "the exchange ran on the event loop");
    }

    private JsonNode claims(String token) throws Exception {
        return json.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}

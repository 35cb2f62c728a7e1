package org.ruralcredit.gateway.service.sources;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's credentials for the services' internal reads, one per service: the client-credentials
 * token of the gateway's service account (quarkus-oidc-client), exchanged by the UMA grant for an RPT
 * whose audience is that service. The service's policy enforcer decides on an RPT locally, so a report
 * costs no Keycloak round trip per call; RPTs are reused until shortly before they expire. Should the
 * exchange fail, the plain access token is sent and the enforcer asks Keycloak as usual.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);
    private static final Duration EARLY = Duration.ofSeconds(30);
    /** Tokens expire in Keycloak's real time, never in the business time a test may move (the Clock bean). */
    private static final Clock REAL_TIME = Clock.systemUTC();

    private record Token(String value, Instant expires) {
        boolean fresh() {
            return Instant.now(REAL_TIME).plus(EARLY).isBefore(expires);
        }
    }

    private final OidcClient oidc;
    private final ObjectMapper json;
    private final URI tokenEndpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Token> rpts = new ConcurrentHashMap<>();
    private volatile Token access;

    public ServiceTokens(
            OidcClient oidc,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.oidc-client.auth-server-url") String authServer) {
        this.oidc = oidc;
        this.json = json;
        this.tokenEndpoint = URI.create(authServer + "/protocol/openid-connect/token");
    }

    /** The service's RPT if one is cached and not about to expire, else null. */
    public String cachedValue(String audience) {
        Token t = rpts.get(audience);
        return t != null && t.fresh() ? t.value() : null;
    }

    public CompletionStage<String> forService(String audience) {
        return accessToken()
                .thenCompose(accessToken -> exchange(audience, accessToken).exceptionally(e -> {
                    LOG.warnf("no RPT for %s (%s); sending the plain access token", audience, e.getMessage());
                    return accessToken;
                }));
    }

    private CompletionStage<String> accessToken() {
        Token t = access;
        if (t != null && t.fresh()) {
            return CompletableFuture.completedFuture(t.value());
        }
        return oidc.getTokens().subscribeAsCompletionStage().thenApply(tokens -> {
            long expiresAt = tokens.getAccessTokenExpiresAt() == null
                    ? Instant.now(REAL_TIME).getEpochSecond() + 60
                    : tokens.getAccessTokenExpiresAt();
            access = new Token(tokens.getAccessToken(), Instant.ofEpochSecond(expiresAt));
            return tokens.getAccessToken();
        });
    }

    private CompletionStage<String> exchange(String audience, String accessToken) {
        String form =
                "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:uma-ticket", StandardCharsets.UTF_8)
                        + "&audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(3))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("UMA grant answered " + response.statusCode());
            }
            try {
                JsonNode body = json.readTree(response.body());
                Token t = new Token(
                        body.get("access_token").asText(),
                        Instant.now(REAL_TIME)
                                .plusSeconds(body.path("expires_in").asLong(60)));
                rpts.put(audience, t);
                return t.value();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("unreadable UMA grant answer", e);
            }
        });
    }
}

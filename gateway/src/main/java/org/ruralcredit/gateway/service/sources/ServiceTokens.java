package org.ruralcredit.gateway.service.sources;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.authorization.client.AuthzClient;
import org.keycloak.authorization.client.Configuration;
import org.keycloak.representations.idm.authorization.AuthorizationRequest;
import org.keycloak.representations.idm.authorization.AuthorizationResponse;

/**
 * The gateway's credentials for the services' internal reads, one per service: the client-credentials
 * token of the gateway's service account (quarkus-oidc-client), exchanged by the UMA grant (Keycloak's
 * authz client) for an RPT whose audience is that service. The service's policy enforcer decides on an
 * RPT locally, so a report costs no Keycloak round trip per call; RPTs are reused until shortly before
 * they expire. Should the exchange fail, the plain access token is sent and the enforcer asks Keycloak
 * as usual.
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
    private final String realmUrl;
    private final String clientId;
    private final CloseableHttpClient http;
    private final Map<String, Token> rpts = new ConcurrentHashMap<>();
    private volatile Token access;
    private volatile AuthzClient authz;
    /** Whether the last exchange ran on an event-loop thread (it must not: it blocks); for the test that guards it. */
    private volatile boolean lastExchangeOnEventLoop;

    public ServiceTokens(
            OidcClient oidc,
            @ConfigProperty(name = "quarkus.oidc-client.auth-server-url") String realmUrl,
            @ConfigProperty(name = "quarkus.oidc-client.client-id") String clientId) {
        this.oidc = oidc;
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        // a Keycloak that does not answer holds a worker thread no longer than these
        this.http = HttpClientBuilder.create()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(2_000)
                        .setConnectionRequestTimeout(2_000)
                        .setSocketTimeout(3_000)
                        .build())
                .setMaxConnPerRoute(16)
                .setMaxConnTotal(16)
                .build();
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    boolean lastExchangeOnEventLoop() {
        return lastExchangeOnEventLoop;
    }

    /** The service's RPT if one is cached and not about to expire, else null. */
    public String cachedValue(String audience) {
        Token t = rpts.get(audience);
        return t != null && t.fresh() ? t.value() : null;
    }

    /**
     * The service's RPT, or the plain access token should the exchange fail. The authz client blocks
     * on its HTTP calls and this is called from a REST client filter on the Vert.x event loop, so the
     * exchange runs on Quarkus' worker pool (Mutiny's default executor) and completes the stage there.
     */
    public CompletionStage<String> forService(String audience) {
        return accessToken()
                .thenCompose(accessToken -> CompletableFuture.supplyAsync(
                                () -> exchange(audience, accessToken), Infrastructure.getDefaultWorkerPool())
                        .exceptionally(e -> {
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

    /** Blocking: on the worker pool only. */
    private String exchange(String audience, String accessToken) {
        lastExchangeOnEventLoop = Context.isOnEventLoopThread();
        AuthorizationRequest request = new AuthorizationRequest();
        request.setAudience(audience);
        AuthorizationResponse response = authz().authorization(accessToken).authorize(request);
        long lifetime = response.getExpiresIn() > 0 ? response.getExpiresIn() : 60;
        Token t = new Token(response.getToken(), Instant.now(REAL_TIME).plusSeconds(lifetime));
        rpts.put(audience, t);
        return t.value();
    }

    /**
     * Created on first use, not at start: creating it reads the realm's UMA configuration from
     * Keycloak, which must not keep the gateway from starting; a failed attempt is repeated next time.
     */
    private AuthzClient authz() {
        AuthzClient client = authz;
        if (client == null) {
            int realms = realmUrl.lastIndexOf("/realms/");
            if (realms < 0) {
                throw new IllegalStateException("quarkus.oidc-client.auth-server-url names no realm: " + realmUrl);
            }
            // no credentials: the UMA grant is authenticated by the access token it is given (bearer),
            // so the client secret stays with the OIDC client alone
            client = AuthzClient.create(new Configuration(
                    realmUrl.substring(0, realms),
                    realmUrl.substring(realms + "/realms/".length()),
                    clientId,
                    Map.of(),
                    http));
            authz = client;
        }
        return client;
    }
}

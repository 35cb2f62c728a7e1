package org.ruralcredit.commons.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak answers. The policy enforcer decides on an RPT locally but asks Keycloak for
 * a plain access token; when Keycloak is away that question fails and the enforcer denies. The
 * caller then deserves "try again shortly", not "your role does not allow this". The answer is
 * kept a few seconds so an outage does not add one probe per request.
 */
@ApplicationScoped
public class AuthorizationServer {

    private static final Duration KEEP = Duration.ofSeconds(5);

    private record Seen(boolean reachable, Instant at) {}

    private final Optional<URI> discovery;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Seen last = new Seen(true, Instant.EPOCH);

    public AuthorizationServer(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServer) {
        this.discovery = authServer.map(url -> URI.create(url + "/.well-known/openid-configuration"));
    }

    /** Blocking (up to about two seconds when Keycloak is away): call it off the event loop. */
    public boolean reachable() {
        Seen seen = last;
        if (discovery.isEmpty() || seen.at().plus(KEEP).isAfter(Instant.now())) {
            return seen.reachable();
        }
        boolean reachable;
        try {
            reachable = http.send(
                                    HttpRequest.newBuilder(discovery.get())
                                            .timeout(Duration.ofSeconds(2))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            reachable = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reachable = false;
        }
        last = new Seen(reachable, Instant.now());
        return reachable;
    }
}

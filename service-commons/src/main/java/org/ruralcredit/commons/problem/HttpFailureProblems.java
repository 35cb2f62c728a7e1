package org.ruralcredit.commons.problem;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OIDCException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.security.AuthorizationServer;
import org.ruralcredit.commons.security.RefusedAccess;

/**
 * Refusals that happen before a request reaches a resource (no or bad token, a permission the
 * policy enforcer denied, a body over the size limit) would otherwise leave with an empty body.
 * A first route answers the two it can see from the headers alone (no bearer token on the API, a
 * declared body over the limit); a failure handler gives the rest the same problem+json.
 */
@ApplicationScoped
public class HttpFailureProblems {

    private static final Logger LOG = Logger.getLogger(HttpFailureProblems.class);

    private final ObjectMapper mapper;
    private final AuthorizationServer authorizationServer;
    private final long maxBodyBytes;
    private final long maxJsonBodyBytes;

    /**
     * {@code quarkus.http.limits.max-body-size} bounds every body, uploads included; a service
     * that takes large uploads raises it, and {@code ruralcredit.http.max-json-body} keeps every
     * other (non-multipart) body small, as JSON is read whole into memory.
     */
    public HttpFailureProblems(
            ObjectMapper mapper,
            AuthorizationServer authorizationServer,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "ruralcredit.http.max-json-body", defaultValue = "1M") MemorySize maxJsonBody) {
        this.mapper = mapper;
        this.authorizationServer = authorizationServer;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxJsonBodyBytes = Math.min(maxBodyBytes, maxJsonBody.asLongValue());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseEarly);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void refuseEarly(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith("/api/")) {
            ctx.next();
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            write(ctx, SecurityProblems.unauthorized());
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        String type = ctx.request().getHeader("Content-Type");
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/form-data", 0, 19);
        if (length != null
                && length.chars().allMatch(Character::isDigit)
                && length.length() < 19
                && Long.parseLong(length) > (multipart ? maxBodyBytes : maxJsonBodyBytes)) {
            ctx.response().putHeader("Connection", "close");
            write(ctx, StatusProblems.forStatus(413));
            return;
        }
        ctx.next();
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationRedirectException redirect) {
            // a browser sign-in (the console's authorization-code flow) continues at Keycloak or back at the page
            ctx.response()
                    .setStatusCode(redirect.getCode())
                    .putHeader("Location", redirect.getRedirectUri())
                    .putHeader("Cache-Control", "no-store")
                    .end();
            return;
        }
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            problem = SecurityProblems.unauthorized();
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        } else if (failure instanceof ForbiddenException && !presentsRpt(ctx)) {
            // the enforcer asked Keycloak about a plain token; if Keycloak is away, that is why it said no
            ctx.vertx().executeBlocking(authorizationServer::reachable, false).onComplete(reachable -> {
                if (reachable.succeeded() && !reachable.result()) {
                    ctx.response().putHeader("Retry-After", "10");
                    write(ctx, SecurityProblems.permissionsUnavailable());
                } else {
                    write(ctx, SecurityProblems.forbidden());
                }
            });
            return;
        } else if (failure instanceof ForbiddenException) {
            problem = SecurityProblems.forbidden();
        } else if (failure instanceof OIDCException) {
            // started while Keycloak was away: token checks resume by themselves once it answers
            LOG.warnf("token check of %s impossible: %s", ctx.normalizedPath(), failure.getMessage());
            ctx.response().putHeader("Retry-After", "10");
            problem = SecurityProblems.authorizationUnavailable();
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            problem = StatusProblems.forStatus(ctx.statusCode());
            if (ctx.statusCode() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
        } else {
            // anything else is ours to fix: log it under a reference, never show it
            String reference = UUID.randomUUID().toString();
            LOG.errorf(failure, "request to %s failed, reference %s", ctx.normalizedPath(), reference);
            int status = failure == null && ctx.statusCode() >= 500 ? ctx.statusCode() : 500;
            problem = Problem.of(status == 503 ? CommonCodes.UNAVAILABLE : CommonCodes.INTERNAL_ERROR, reference);
        }
        write(ctx, problem);
    }

    /** An RPT carries its permissions ({@code authorization} claim): its refusal was decided here. */
    private static boolean presentsRpt(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken jwt
                && jwt.containsClaim("authorization");
    }

    private void write(RoutingContext ctx, Problem problem) {
        if (problem.status() == 403) {
            // refused before any resource ran: the realm's permission for the caller's roles said no
            RefusedAccess.log(
                    ctx,
                    RefusedAccess.Check.ROLE,
                    403,
                    null,
                    problem.in(Language.EN).detail());
        }
        problem = problem.in(Language.of(ctx.request().getHeader("Accept-Language")));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Vary", "Accept-Language")
                .end(body);
    }
}

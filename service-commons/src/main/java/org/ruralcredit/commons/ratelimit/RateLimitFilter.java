package org.ruralcredit.commons.ratelimit;

import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * Applies {@link RateLimited} per signed-in user, before the body is read: a refused call costs
 * the service nothing. Anonymous requests are refused by authentication before they matter.
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final Map<Method, Optional<String>> bucketOf = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (method == null || user == null) {
            return;
        }
        Optional<String> bucket = bucketOf.computeIfAbsent(
                method,
                m -> Optional.ofNullable(m.getAnnotation(RateLimited.class)).map(RateLimited::value));
        if (bucket.isEmpty()) {
            return;
        }
        Optional<Duration> wait = limiter.take(bucket.get(), user.getName());
        if (wait.isPresent()) {
            int seconds = (int) Math.max(1, Math.ceilDiv(wait.get().toMillis(), 1000));
            throw ApiException.of(CommonCodes.TOO_MANY_REQUESTS, seconds).retryAfter(seconds);
        }
    }
}

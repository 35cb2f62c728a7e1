package org.ruralcredit.commons.problem;

import java.util.List;

/**
 * A refusal the service means to give: not found, conflict, forbidden by an object-level rule,
 * a business rule broken. Carries its problem document; the message never contains internals.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ApiException(Problem problem) {
        this(problem, null);
    }

    private ApiException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** When the client may try again (Retry-After), for a refusal that passes. */
    public java.util.Optional<Integer> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    /** 503: the service is working at its limit and refuses more rather than queueing it. */
    public static ApiException busy(String slug, String detail, int retryAfterSeconds) {
        return new ApiException(Problem.of(503, slug, "Busy", detail), retryAfterSeconds);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(Problem.validation("The request has invalid fields.",
                List.of(new Problem.FieldError(field, message))));
    }
}

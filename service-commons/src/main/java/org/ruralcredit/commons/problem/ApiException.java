package org.ruralcredit.commons.problem;

import java.util.List;
import java.util.Optional;

import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * A refusal the service means to give: not found, conflict, forbidden by an object-level rule,
 * a business rule broken. Carries its problem by code and arguments; the text is written in the
 * caller's language when it leaves, and never contains internals.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ApiException(Problem problem) {
        this(problem, null);
    }

    private ApiException(Problem problem, Integer retryAfterSeconds) {
        super(problem.code() != null ? problem.code() : problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The refusal a code names, at the code's status, with the values its text mentions. */
    public static ApiException of(ProblemCode code, Object... args) {
        return new ApiException(Problem.of(code, args));
    }

    /** A validation refusal of one field. */
    public static ApiException invalid(String field, ProblemCode code, Object... args) {
        return new ApiException(Problem.validation(List.of(Problem.FieldError.of(field, code, args))));
    }

    /** A validation refusal of several fields. */
    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(Problem.validation(errors));
    }

    /** The same refusal, telling the client when it may try again (Retry-After). */
    public ApiException retryAfter(int seconds) {
        return new ApiException(problem, seconds);
    }

    public Problem problem() {
        return problem;
    }

    /** The problem in English, for logs. */
    public String englishDetail() {
        return problem.in(Language.EN).detail();
    }

    /** When the client may try again (Retry-After), for a refusal that passes. */
    public Optional<Integer> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    /** 503: the service is working at its limit and refuses more rather than queueing it. */
    public static ApiException busy(ProblemCode code, int retryAfterSeconds, Object... args) {
        return new ApiException(Problem.of(code, args), retryAfterSeconds);
    }

    public static ApiException notFound() {
        return of(CommonCodes.NOT_FOUND);
    }

    // Worded here, without a code: kept only while texts move into the catalogue.

    @Deprecated
    public static ApiException busy(String slug, String detail, int retryAfterSeconds) {
        return new ApiException(Problem.of(503, slug, "Busy", detail), retryAfterSeconds);
    }

    @Deprecated
    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "not-found", "Not found", detail));
    }

    @Deprecated
    public static ApiException conflict(String slug, String detail) {
        return new ApiException(Problem.of(409, slug, "Conflict", detail));
    }

    @Deprecated
    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    @Deprecated
    public static ApiException invalid(String field, String message) {
        return new ApiException(
                Problem.validation("The request has invalid fields.", List.of(new Problem.FieldError(field, message))));
    }
}

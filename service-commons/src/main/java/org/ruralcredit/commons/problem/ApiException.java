package org.ruralcredit.commons.problem;

import java.util.List;

/**
 * A refusal the service means to give: not found, conflict, forbidden by an object-level rule,
 * a business rule broken. Carries its problem document; the message never contains internals.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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

package org.ruralcredit.morality.service;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;

/** Refusals of the moral bank that the shared factories do not name. */
final class Refusals {

    private Refusals() {
    }

    /** The request is well-formed but breaks a business rule (422). */
    static ApiException unprocessable(String slug, String detail) {
        return new ApiException(Problem.of(422, slug, "Unprocessable request", detail));
    }
}

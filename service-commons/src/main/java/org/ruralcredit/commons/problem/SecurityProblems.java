package org.ruralcredit.commons.problem;

import org.ruralcredit.commons.problem.codes.CommonCodes;

/** The security refusals, worded once in the catalogue. */
public final class SecurityProblems {

    private SecurityProblems() {}

    public static Problem unauthorized() {
        return Problem.of(CommonCodes.UNAUTHORIZED);
    }

    public static Problem forbidden() {
        return Problem.of(CommonCodes.FORBIDDEN);
    }

    /** Keycloak does not answer: a passing outage, not a refusal. */
    public static Problem authorizationUnavailable() {
        return Problem.of(CommonCodes.AUTHORIZATION_UNAVAILABLE);
    }

    /** The enforcer could not ask Keycloak about a plain access token; an RPT would have been decided here. */
    public static Problem permissionsUnavailable() {
        return Problem.of(CommonCodes.PERMISSIONS_UNAVAILABLE);
    }
}

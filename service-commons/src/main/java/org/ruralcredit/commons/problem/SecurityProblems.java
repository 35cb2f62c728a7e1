package org.ruralcredit.commons.problem;

/** The security refusals, worded once. */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    public static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "A valid access token from the rural-credit realm is required.");
    }

    public static Problem forbidden() {
        return Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this request.");
    }

    /** Keycloak does not answer: a passing outage, not a refusal. */
    public static Problem authorizationUnavailable() {
        return Problem.of(503, "authorization-unavailable", "Authorization temporarily unavailable",
                "The sign-in service (Keycloak) does not answer, so the token could not be checked. Try again shortly.");
    }

    /** The enforcer could not ask Keycloak about a plain access token; an RPT would have been decided here. */
    public static Problem permissionsUnavailable() {
        return Problem.of(503, "authorization-unavailable", "Authorization temporarily unavailable",
                "The sign-in service (Keycloak) does not answer, so this token's permissions could not be checked. "
                        + "Try again shortly; a requesting party token (RPT) is checked here and keeps working.");
    }
}

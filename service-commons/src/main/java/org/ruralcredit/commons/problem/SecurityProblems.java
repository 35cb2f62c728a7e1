package org.ruralcredit.commons.problem;

/** The two security refusals, worded once. */
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
}

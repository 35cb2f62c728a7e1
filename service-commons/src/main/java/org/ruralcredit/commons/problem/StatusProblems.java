package org.ruralcredit.commons.problem;

import org.ruralcredit.commons.problem.codes.CommonCodes;

/** Problems for plain HTTP refusals (no route, wrong method, wrong media type, too large). */
final class StatusProblems {

    private StatusProblems() {}

    static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(CommonCodes.BAD_REQUEST);
            case 401 -> SecurityProblems.unauthorized();
            case 403 -> SecurityProblems.forbidden();
            case 404 -> Problem.of(CommonCodes.NOT_FOUND);
            case 405 -> Problem.of(CommonCodes.METHOD_NOT_ALLOWED);
            case 406 -> Problem.of(CommonCodes.NOT_ACCEPTABLE);
            case 413 -> Problem.of(CommonCodes.PAYLOAD_TOO_LARGE);
            case 415 -> Problem.of(CommonCodes.UNSUPPORTED_MEDIA_TYPE);
            default -> {
                Problem other = Problem.of(CommonCodes.HTTP_OTHER, status);
                yield new Problem(
                        Problem.type("http-" + status),
                        null,
                        status,
                        null,
                        null,
                        other.code(),
                        other.args(),
                        other.errors());
            }
        };
    }
}

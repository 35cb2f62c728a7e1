package org.ruralcredit.commons.problem;

/** Problems for plain HTTP refusals (no route, wrong method, wrong media type, too large). */
final class StatusProblems {

    private StatusProblems() {
    }

    static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", "The request could not be understood.");
            case 401 -> SecurityProblems.unauthorized();
            case 403 -> SecurityProblems.forbidden();
            case 404 -> Problem.of(404, "not-found", "Not found", "No resource exists at this address.");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This address does not accept that HTTP method.");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable",
                    "The resource cannot be represented in the media type asked for.");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large",
                    "The request body is larger than this endpoint accepts.");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "The request body's content type is not accepted here; send application/json.");
            default -> Problem.of(status, "http-" + status, "HTTP " + status, "The request was refused.");
        };
    }
}

package org.ruralcredit.commons.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * An RFC 9457 problem document. {@code type} is a URN naming the kind of problem; {@code code} is
 * the stable code from the {@link ProblemCatalogue} and {@code args} the values its text names;
 * {@code errors} lists every bad field when a request failed validation. A problem is built with
 * its code and arguments; its title, detail and field messages are written in the caller's
 * language by {@link #in} when it leaves the service.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        URI instance,
        String code,
        Map<String, Object> args,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One bad field: its name as the client wrote it, its code, the code's values, and the message in the caller's language. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String code, Map<String, Object> args, String message) {

        public static FieldError of(String field, ProblemCode code, Object... args) {
            return new FieldError(field, code.code(), ProblemCatalogue.args(code, args), null);
        }

        /** A field error without a code: kept only for texts not yet in the catalogue. */
        @Deprecated
        public FieldError(String field, String message) {
            this(field, null, Map.of(), message);
        }
    }

    public static URI type(String slug) {
        return URI.create("urn:ruralcredit:problem:" + slug);
    }

    /** A problem with a code from the catalogue and the values its text names. */
    public static Problem of(ProblemCode code, Object... args) {
        return new Problem(
                type(code.type()),
                null,
                code.status(),
                null,
                null,
                code.code(),
                ProblemCatalogue.args(code, args),
                List.of());
    }

    /** A validation problem listing its bad fields; the summary says how many there are. */
    public static Problem validation(List<FieldError> errors) {
        var code = CommonCodes.VALIDATION;
        return new Problem(
                type(code.type()),
                null,
                code.status(),
                null,
                null,
                code.code(),
                ProblemCatalogue.args(code, errors.size()),
                List.copyOf(errors));
    }

    /** A problem with its own summary code that lists bad fields (a refused file: how many problems, and each field's code). */
    public static Problem invalid(ProblemCode summary, List<FieldError> errors, Object... args) {
        return new Problem(
                type(summary.type()),
                null,
                summary.status(),
                null,
                null,
                summary.code(),
                ProblemCatalogue.args(summary, args),
                List.copyOf(errors));
    }

    /** A problem worded here, without a code: kept only for texts not yet in the catalogue. */
    @Deprecated
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(type(slug), title, status, detail, null, null, Map.of(), List.of());
    }

    /** A validation problem worded here: kept only for texts not yet in the catalogue. */
    @Deprecated
    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem(
                type("validation"), "Invalid request", 400, detail, null, null, Map.of(), List.copyOf(errors));
    }

    /** This problem with its title, detail and field messages written in {@code language} from the catalogue. */
    public Problem in(Language language) {
        if (code == null) {
            return this;
        }
        List<FieldError> localized = errors == null
                ? List.of()
                : errors.stream()
                        .map(e -> e.code() == null
                                ? e
                                : new FieldError(
                                        e.field(),
                                        e.code(),
                                        e.args(),
                                        ProblemCatalogue.message(e.code(), e.args(), language)))
                        .toList();
        return new Problem(
                type,
                ProblemCatalogue.title(code, status, language),
                status,
                ProblemCatalogue.message(code, args, language),
                instance,
                code,
                args,
                localized);
    }

    /** The response for a problem already written in its language. */
    public Response toResponse() {
        return Response.status(status)
                .type(JSON)
                .entity(this)
                .header("Vary", "Accept-Language")
                .build();
    }

    /** The response in the language of an {@code Accept-Language} header. */
    public Response toResponse(String acceptLanguage) {
        return in(Language.of(acceptLanguage)).toResponse();
    }
}

package org.ruralcredit.commons.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. {@code type} is a URN naming the kind of problem; {@code errors}
 * lists every bad field when a request failed validation.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create("urn:ruralcredit:problem:" + slug);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(type(slug), title, status, detail, null, List.of());
    }

    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem(type("validation"), "Invalid request", 400, detail, null, List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(JSON).entity(this).build();
    }
}

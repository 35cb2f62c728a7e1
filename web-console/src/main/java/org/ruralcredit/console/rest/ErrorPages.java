package org.ruralcredit.console.rest;

import java.util.Map;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import org.ruralcredit.console.service.ConsoleLocale;
import org.ruralcredit.console.service.ConsoleText;
import org.ruralcredit.console.service.FieldProblems;

/**
 * Errors as pages in the reader's language, never JSON or a blank answer: an unknown address (404),
 * a refusal (403), a form that lost its token (400, see the CSRF settings) or an API that does not
 * answer (503). The platform's own refusals are shown inside their page (ApiAnswer); this is for
 * what the console itself refuses. The field app's JSON (/console/field/api) gets them as problems
 * instead, which its script reads.
 */
public class ErrorPages {

    /** The field app's JSON, relative to the root (UriInfo's path may or may not start with a slash). */
    static final String FIELD_API = "console/field/api/";

    private final Template error;
    private final ConsoleText text;
    private final ConsoleLocale locale;
    private final FieldProblems problems;

    public ErrorPages(
            @Location("console/error.html") Template error,
            ConsoleText text,
            ConsoleLocale locale,
            FieldProblems problems) {
        this.error = error;
        this.text = text;
        this.locale = locale;
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return answer(404, uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(403, uri.getPath());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return answer(405, uri.getPath());
    }

    /** An answer of 400 or more that carries nothing (the CSRF check's refusal) gets its page, or its problem. */
    @ServerResponseFilter
    public void emptyRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity()) {
            Response filled = answer(response.getStatus(), request.getUriInfo().getPath());
            response.setEntity(filled.getEntity(), null, filled.getMediaType());
        }
    }

    private Response answer(int status, String path) {
        boolean api = path != null && (path.startsWith("/") ? path.substring(1) : path).startsWith(FIELD_API);
        return api ? problems.bare(status) : page(status);
    }

    Response page(int status) {
        Map<String, String> words = text.of(locale.language());
        String key = switch (status) {
            case 400 -> "error.400";
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 405 -> "error.404";
            default -> status >= 500 ? "error.503" : "error.400";
        };
        String html = error.data("lang", locale.tag())
                .data("t", words)
                .data("status", status)
                .data("heading", words.get(key + ".title"))
                .data("text", words.get(key + ".text"))
                .render();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .build();
    }
}

package org.ruralcredit.console.rest;

import java.util.Map;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import org.ruralcredit.console.service.ConsoleLocale;
import org.ruralcredit.console.service.ConsoleText;

/**
 * Errors as pages in the reader's language, never JSON or a blank answer: an unknown address (404),
 * a refusal (403), a form that lost its token (400, see the CSRF settings) or an API that does not
 * answer (503). The platform's own refusals are shown inside their page (ApiAnswer); this is for
 * what the console itself refuses.
 */
public class ErrorPages {

    private final Template error;
    private final ConsoleText text;
    private final ConsoleLocale locale;

    public ErrorPages(@Location("console/error.html") Template error, ConsoleText text, ConsoleLocale locale) {
        this.error = error;
        this.text = text;
        this.locale = locale;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(405);
    }

    /** An answer of 400 or more that carries nothing (the CSRF check's refusal) gets its page. */
    @ServerResponseFilter
    public void emptyRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity()) {
            Response page = page(response.getStatus());
            response.setEntity(page.getEntity(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
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

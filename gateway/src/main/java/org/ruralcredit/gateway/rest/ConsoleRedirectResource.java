package org.ruralcredit.gateway.rest;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.ruralcredit.gateway.config.ConsoleLink;

/**
 * The web console moved to its own process: the gateway's root and its old /console pages send the
 * browser there, the path and query kept, so bookmarks keep working. Not part of the API.
 */
@Path("/")
public class ConsoleRedirectResource {

    private final ConsoleLink console;

    public ConsoleRedirectResource(ConsoleLink console) {
        this.console = console;
    }

    @GET
    @Operation(hidden = true)
    public Response root() {
        return to("/console", null);
    }

    @GET
    @Path("console")
    @Operation(hidden = true)
    public Response console(@Context UriInfo uri) {
        return to("/console", uri.getRequestUri().getRawQuery());
    }

    @GET
    @Path("console/{rest: .+}")
    @Operation(hidden = true)
    public Response page(@PathParam("rest") String rest, @Context UriInfo uri) {
        return to("/console/" + rest, uri.getRequestUri().getRawQuery());
    }

    private Response to(String path, String query) {
        URI base = console.url().orElseThrow(NotFoundException::new);
        String target = base.toString().replaceAll("/+$", "") + path + (query == null ? "" : "?" + query);
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(target))
                .build();
    }
}

package org.ruralcredit.gateway.rest.console;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** The site's root opens the console. */
@Path("/")
public class RootRedirectResource {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/console")).build();
    }
}

package org.ruralcredit.console.rest;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The site's root opens the console. */
@Path("/")
public class RootRedirectResource {

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/console")).build();
    }
}

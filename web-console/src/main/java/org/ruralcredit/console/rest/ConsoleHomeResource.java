package org.ruralcredit.console.rest;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.service.ConsoleLocale;
import org.ruralcredit.console.service.ConsolePage;

/** The console's start page, the language switch and the landing after sign-in. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleHomeResource {

    private final ConsolePage page;
    private final Template home;

    public ConsoleHomeResource(ConsolePage page, @Location("console/home.html") Template home) {
        this.page = page;
        this.home = home;
    }

    @GET
    public TemplateInstance home() {
        return page.render(home, "home.title");
    }

    /** Back to where the switch was pressed, in the other language (a year-long cookie, console paths only). */
    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @HeaderParam("Referer") String referer) {
        String language = "en".equals(to) ? "en" : "zh";
        NewCookie cookie = new NewCookie.Builder(ConsoleLocale.COOKIE)
                .value(language)
                .path("/console")
                .maxAge(365 * 24 * 3600)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return Response.seeOther(URI.create(backTo(referer))).cookie(cookie).build();
    }

    @GET
    @Path("signed-in")
    public Response signedIn() {
        return Response.seeOther(URI.create("/console")).build();
    }

    /** Only a console path of this site; anything else goes home. */
    static String backTo(String referer) {
        if (referer != null) {
            int at = referer.indexOf("/console");
            String path = at < 0 ? "" : referer.substring(at);
            if (path.matches("/console[A-Za-z0-9/_?=&%.-]*") && !path.startsWith("/console/language")) {
                return path;
            }
        }
        return "/console";
    }
}

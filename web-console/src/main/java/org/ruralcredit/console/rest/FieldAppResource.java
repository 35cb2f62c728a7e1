package org.ruralcredit.console.rest;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.ConsoleUser;
import org.ruralcredit.console.service.FieldApp;
import org.ruralcredit.console.service.FieldProblems;

/**
 * The offline field app (入户采集) of officials and clerks: its page, and the JSON its script calls
 * with the session cookie, posts carrying the session's CSRF token as X-CSRF-TOKEN and an
 * Idempotency-Key of the device's own, kept with what it sends until it has its answer.
 */
@Path("/console/field")
public class FieldAppResource {

    static final String KEY = "Idempotency-Key";

    private final FieldApp app;
    private final FieldProblems problems;
    private final ConsolePage page;
    private final CsrfTokenParameterProvider csrf;
    private final ObjectMapper json;
    private final Template shell;

    public FieldAppResource(
            FieldApp app,
            FieldProblems problems,
            ConsolePage page,
            CsrfTokenParameterProvider csrf,
            ObjectMapper json,
            @Location("console/field-app.html") Template shell) {
        this.app = app;
        this.problems = problems;
        this.page = page;
        this.csrf = csrf;
        this.json = json;
        this.shell = shell;
    }

    /** The app's page: the words of the file's fields and the app's texts travel with it, for use offline. */
    @GET
    @Path("app")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance shell() {
        if (!app.allowed()) {
            throw new ForbiddenException();
        }
        ConsoleUser user = page.user();
        return page.render(shell, "fieldapp.title")
                .data("names", app.fieldNames())
                .data("words", app.words())
                .data("official", user.official())
                .data("clerk", user.clerk());
    }

    /** The CSRF token is the one of the csrf-token cookie this answer sets or renews (quarkus-rest-csrf, on every GET). */
    @GET
    @Path("api/session")
    public Response session() {
        return allowed(() -> app.session(csrf.getToken()));
    }

    @GET
    @Path("api/villages")
    public Response villages() {
        return allowed(app::villages);
    }

    @GET
    @Path("api/villages/{code}/households")
    public Response households(
            @PathParam("code") String village,
            @QueryParam("page") Integer number,
            @QueryParam("size") Integer size,
            @HeaderParam("If-None-Match") String tag) {
        return allowed(() -> app.households(village, number, size, tag));
    }

    @GET
    @Path("api/rules")
    public Response rules(@HeaderParam("If-None-Match") String tag) {
        return allowed(() -> app.rules(tag));
    }

    @GET
    @Path("api/proposal-rules")
    public Response proposalRules(@HeaderParam("If-None-Match") String tag) {
        return allowed(() -> app.proposalRules(tag));
    }

    @GET
    @Path("api/deed-rules")
    public Response deedRules() {
        return allowed(app::deedRules);
    }

    @POST
    @Path("api/households")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(KEY) String key, String body) {
        return allowed(() -> withBody(body, b -> app.create(key, b)));
    }

    @POST
    @Path("api/households/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correct(@PathParam("id") String id, @HeaderParam(KEY) String key, String body) {
        return allowed(() -> withBody(body, b -> app.correct(id, key, b)));
    }

    @POST
    @Path("api/proposals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@HeaderParam(KEY) String key, String body) {
        return allowed(() -> withBody(body, b -> app.propose(key, b)));
    }

    private Response allowed(Supplier<Response> answer) {
        return app.allowed() ? answer.get() : problems.role();
    }

    /** The body as a JSON object; anything else is the client's mistake (400), never a 500. */
    private Response withBody(String body, Function<JsonNode, Response> answer) {
        JsonNode parsed;
        try {
            parsed = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            return problems.catalogued(400, FieldProblems.BODY, Map.of());
        }
        return answer.apply(parsed);
    }
}

package org.ruralcredit.console.rest;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.ruralcredit.console.service.Api;
import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.Desk;
import org.ruralcredit.console.service.Desk.Input;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Objections and statements on a household's credit record (an official raises them on the
 * household's behalf; the credit administrator answers the queue), and the village assessment
 * panels' rounds, where each rater's score is entered on a simple form.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ObjectionAndPanelPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template desk;

    public ObjectionAndPanelPages(PlatformApi api, ConsolePage page, @Location("console/desk.html") Template desk) {
        this.api = api;
        this.page = page;
        this.desk = desk;
    }

    @GET
    @Path("objections")
    public TemplateInstance objections(@QueryParam("notice") String notice) {
        List<Desk.Form> forms = List.of();
        List<Desk.Table> tables = List.of();
        ApiAnswer queue = null;
        if (page.user().official()) {
            forms = List.of(new Desk.Form("objection-form", "/console/objections", "post", false, List.of(
                    Input.choice("kind", page.word("objection.kind"), "OBJECTION", List.of(
                            new Option("OBJECTION", page.word("objection.OBJECTION")),
                            new Option("STATEMENT", page.word("objection.STATEMENT")))),
                    Input.text("subjectId", page.word("consent.subjectId"), ""),
                    Input.choice("section", page.word("objection.section"), "rating", sections()),
                    Input.of("text", page.word("objection.text"), "textarea", "")), page.word("action.submit")));
        }
        if (page.user().admin()) {
            queue = api.get(Api.GATEWAY, "/api/v1/objections/queue");
            tables = List.of(Desk.table("objection-queue", page.word("objection.queue"), queue.json(),
                    Desk.columns(page::word, "statement.raisedAt", "table.time", "statement.kind", "objection.kind",
                            "subject", "consent.subjectId", "statement.section", "objection.section", "statement.text",
                            "objection.text", "statement.answerDueOn", "objection.due", "statement.status", "hh.status"),
                    o -> "/console/objections/" + o.path("statement").path("id").asText() + "/answer",
                    page.word("objection.answer"), "answer", page.word("table.empty"), page::word));
        }
        return page.desk(desk, "nav.objections", "objection.intro", notice == null ? null : page.word("objection." + notice),
                ConsolePage.firstRefusal(queue), forms, tables);
    }

    @POST
    @Path("objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raise(MultivaluedMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", form.getFirst("kind"));
        body.put("subjectType", "HOUSEHOLD");
        body.put("subjectId", form.getFirst("subjectId") == null ? null : form.getFirst("subjectId").strip());
        body.put("section", form.getFirst("section"));
        body.put("text", form.getFirst("text"));
        return after(api.post(Api.GATEWAY, "/api/v1/objections", body), "raised");
    }

    @POST
    @Path("objections/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") UUID id, @FormParam("answer") String answer) {
        return after(api.post(Api.GATEWAY, "/api/v1/objections/" + id + "/answer",
                Map.of("outcome", "UPHELD", "answer", answer == null ? "" : answer)), "answered");
    }

    private Response after(ApiAnswer answer, String notice) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/objections?notice=" + notice)).build();
        }
        return Response.status(answer.pageStatus())
                .entity(objections(null).data("problem", answer)).build();
    }

    private List<Option> sections() {
        return List.of("identity", "household", "rating", "morality", "loans", "queries").stream()
                .map(s -> new Option(s, page.word("section." + s))).toList();
    }

    @GET
    @Path("panels")
    public TemplateInstance panels(@QueryParam("round") String round, @QueryParam("notice") String notice) {
        List<Desk.Form> forms = new java.util.ArrayList<>();
        forms.add(new Desk.Form("round-open", "/console/panels", "get", false,
                List.of(Input.text("round", page.word("panel.round"), round)), page.word("action.open")));
        if (page.user().keepsFiles()) {
            forms.add(new Desk.Form("round-new", "/console/panels", "post", false, List.of(
                    Input.text("villageCode", page.word("lend.villageCode"), page.user().clerk() ? page.user().division() : ""),
                    Input.text("title", page.word("panel.title"), "")), page.word("panel.new")));
        }
        if (round == null || round.isBlank()) {
            return page.desk(desk, "nav.panels", "panel.intro", null, null, forms, List.of());
        }
        ApiAnswer state = api.get(Api.MORALITY, "/api/v1/panel-rounds/" + round.strip());
        if (state.ok()) {
            List<Option> raters = new java.util.ArrayList<>();
            state.json().path("raters").forEach(r -> raters.add(new Option(r.path("id").asText(),
                    r.path("name").asText() + "（" + r.path("role").asText() + "）")));
            List<Option> households = new java.util.ArrayList<>();
            ApiAnswer list = api.get(Api.REGISTRY, "/api/v1/households",
                    Map.of("division", state.json().path("villageCode").asText(), "size", 500));
            list.json().path("items").forEach(h -> households.add(new Option(h.path("id").asText(),
                    h.path("headName").asText() + " · " + h.path("headResidentId").asText())));
            forms.add(new Desk.Form("rater-new", "/console/panels/" + round.strip() + "/raters", "post", false, List.of(
                    Input.text("name", page.word("hh.name"), ""), Input.text("role", page.word("panel.raterRole"), "")),
                    page.word("panel.addRater")));
            forms.add(new Desk.Form("score-form", "/console/panels/" + round.strip() + "/scores", "post", false, List.of(
                    Input.choice("raterId", page.word("panel.rater"), "", raters),
                    Input.choice("householdId", page.word("deed.household"), "", households),
                    Input.of("score", page.word("panel.score"), "number", "")), page.word("action.save")));
        }
        Desk.Table results = Desk.table("panel-results", page.word("panel.results"), state.json().path("results"),
                Desk.columns(page::word, "householdId", "deed.household", "score", "panel.score", "raters", "panel.raters"),
                null, null, null, page.word("table.empty"), page::word);
        return page.desk(desk, "nav.panels", "panel.intro", notice == null ? null : page.word("panel." + notice),
                ConsolePage.firstRefusal(state), forms, List.of(results));
    }

    @POST
    @Path("panels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newRound(@FormParam("villageCode") String village, @FormParam("title") String title) {
        ApiAnswer answer = api.post(Api.MORALITY, "/api/v1/panel-rounds",
                Map.of("villageCode", village == null ? "" : village.strip(), "title", title == null ? "" : title));
        return afterPanel(answer, answer.ok() ? answer.json().path("id").asText() : null, "opened");
    }

    @POST
    @Path("panels/{round}/raters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRater(@PathParam("round") UUID round, @FormParam("name") String name, @FormParam("role") String role) {
        return afterPanel(api.post(Api.MORALITY, "/api/v1/panel-rounds/" + round + "/raters",
                Map.of("name", name == null ? "" : name, "role", role == null ? "" : role)), round.toString(), "raterAdded");
    }

    @POST
    @Path("panels/{round}/scores")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response score(@PathParam("round") UUID round, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("raterId", form.getFirst("raterId"));
        body.put("householdId", form.getFirst("householdId"));
        body.put("score", form.getFirst("score"));
        return afterPanel(api.post(Api.MORALITY, "/api/v1/panel-rounds/" + round + "/scores", body), round.toString(), "scored");
    }

    private Response afterPanel(ApiAnswer answer, String round, String notice) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/panels?round=" + round + "&notice=" + notice)).build();
        }
        return Response.status(answer.pageStatus())
                .entity(panels(round, null).data("problem", answer)).build();
    }
}

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

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.Cells;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.FormState;
import org.ruralcredit.console.service.Desk;
import org.ruralcredit.console.service.Desk.Input;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;

import com.fasterxml.jackson.databind.JsonNode;

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

    private final Template objectionsPage;
    private final Template confirmPage;

    public ObjectionAndPanelPages(PlatformApi api, ConsolePage page, @Location("console/desk.html") Template desk,
                                  @Location("console/objections.html") Template objectionsPage,
                                  @Location("console/objection-confirm.html") Template confirmPage) {
        this.api = api;
        this.page = page;
        this.desk = desk;
        this.objectionsPage = objectionsPage;
        this.confirmPage = confirmPage;
    }

    /** The services that own report sections, whose objection queues the administrator answers. */
    static final List<String> SERVICES = List.of("credit-rating", "farmer-registry", "morality-score", "gateway", "sme-archive");

    @GET
    @Path("objections")
    public TemplateInstance objections(@QueryParam("notice") String notice, @QueryParam("service") String service) {
        String chosen = service != null && SERVICES.contains(service) ? service : SERVICES.get(0);
        TemplateInstance view = page.render(objectionsPage, "nav.objections")
                .data("official", page.user().official()).data("admin", page.user().admin())
                .data("sections", sections()).data("services", SERVICES.stream()
                        .map(x -> new Option(x, page.word("objection.service." + x))).toList())
                .data("service", chosen).data("serviceLabel", page.word("objection.service." + chosen))
                .data("rows", List.of()).data("notice", notice == null ? null : page.word("objection." + notice))
                .data("problem", null).data("values", Map.of());
        if (page.user().admin()) {
            ApiAnswer queue = api.gateway(g -> g.objectionQueue(chosen));
            view.data("rows", queueRows(queue));
            if (!queue.ok()) {
                view.data("problem", queue);
            }
        }
        return view;
    }

    private List<Map<String, String>> queueRows(ApiAnswer queue) {
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        if (!queue.ok() || !queue.json().isArray()) {
            return rows;
        }
        for (JsonNode o : queue.json()) {
            JsonNode st = o.path("statement");
            if (!st.path("id").isTextual()) {
                continue;
            }
            Map<String, String> row = new java.util.LinkedHashMap<>();
            row.put("id", st.path("id").asText());
            row.put("raisedAt", Cells.cell(st, "raisedAt", page::word));
            row.put("subjectType", Cells.cell(o, "subjectType", page::word));
            row.put("subject", o.path("subject").asText(""));
            row.put("section", page.word("section." + st.path("section").asText()));
            row.put("text", st.path("text").asText(""));
            row.put("due", st.path("answerDueOn").asText("") + (st.path("overdue").asBoolean() ? "（" + page.word("objection.overdue") + "）" : ""));
            row.put("overdue", String.valueOf(st.path("overdue").asBoolean()));
            rows.add(row);
        }
        return rows;
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
        ApiAnswer answer = api.gateway(g -> g.raiseObjection(body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/objections?notice=raised")).build();
        }
        return Response.status(answer.pageStatus()).entity(objections(null, null).data("problem", answer)
                .data("values", FormState.firstValues(form))).build();
    }

    /**
     * An answer is final (the gateway takes one per objection), so it is confirmed first: the first
     * post shows the objection and the answer as they will be recorded; the confirmed post sends it.
     */
    @POST
    @Path("objections/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") UUID id, @FormParam("answer") String answer, @FormParam("outcome") String outcome,
                           @FormParam("service") String service, @FormParam("confirmed") String confirmed) {
        String chosen = service != null && SERVICES.contains(service) ? service : SERVICES.get(0);
        String decided = "REJECTED".equals(outcome) ? "REJECTED" : "UPHELD";
        String text = answer == null ? "" : answer.strip();
        if (!"yes".equals(confirmed) || text.isEmpty()) {
            ApiAnswer queue = api.gateway(g -> g.objectionQueue(chosen));
            Map<String, String> row = queueRows(queue).stream().filter(r -> r.get("id").equals(id.toString())).findFirst()
                    .orElse(null);
            if (row == null) {
                return Response.seeOther(URI.create("/console/objections?service=" + chosen)).build();
            }
            return Response.status(text.isEmpty() ? 400 : 200).entity(page.render(confirmPage, "objection.confirmTitle")
                    .data("o", row).data("id", id.toString()).data("answer", text).data("outcome", decided)
                    .data("outcomeLabel", page.word("objection.outcome." + decided)).data("service", chosen)
                    .data("missing", text.isEmpty()).data("problem", null)).build();
        }
        ApiAnswer result = api.gateway(g -> g.answerObjection(id,
                Map.of("outcome", decided, "answer", text)));
        if (result.ok()) {
            return Response.seeOther(URI.create("/console/objections?notice=answered&service=" + chosen)).build();
        }
        return Response.status(result.pageStatus()).entity(objections(null, chosen).data("problem", result)).build();
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
        ApiAnswer state = api.morality(m -> m.panelRound(UUID.fromString(round.strip())));
        if (state.ok()) {
            List<Option> raters = new java.util.ArrayList<>();
            state.json().path("raters").forEach(r -> raters.add(new Option(r.path("id").asText(),
                    r.path("name").asText() + "（" + r.path("role").asText() + "）")));
            List<Option> households = new java.util.ArrayList<>();
            ApiAnswer list = api.registry(r -> r.households(
                    state.json().path("villageCode").asText(), null, null, 500));
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
        ApiAnswer answer = api.morality(m -> m.openPanelRound(
                Map.of("villageCode", village == null ? "" : village.strip(), "title", title == null ? "" : title)));
        return afterPanel(answer, answer.ok() ? answer.json().path("id").asText() : null, "opened");
    }

    @POST
    @Path("panels/{round}/raters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRater(@PathParam("round") UUID round, @FormParam("name") String name, @FormParam("role") String role) {
        return afterPanel(api.morality(m -> m.addRater(round,
                Map.of("name", name == null ? "" : name, "role", role == null ? "" : role))), round.toString(), "raterAdded");
    }

    @POST
    @Path("panels/{round}/scores")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response score(@PathParam("round") UUID round, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("raterId", form.getFirst("raterId"));
        body.put("householdId", form.getFirst("householdId"));
        body.put("score", form.getFirst("score"));
        return afterPanel(api.morality(m -> m.score(round, body)), round.toString(), "scored");
    }

    private Response afterPanel(ApiAnswer answer, String round, String notice) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/panels?round=" + round + "&notice=" + notice)).build();
        }
        return Response.status(answer.pageStatus())
                .entity(panels(round, null).data("problem", answer)).build();
    }
}

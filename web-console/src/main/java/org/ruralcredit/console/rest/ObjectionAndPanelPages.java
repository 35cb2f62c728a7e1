package org.ruralcredit.console.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.Cells;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.FormState;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.service.Villages;
import org.ruralcredit.console.view.Pager;

/**
 * Objections and statements on a household's credit record (an official raises them on the
 * household's behalf; the credit administrator answers the queue), and the village assessment
 * panels' rounds — listed to pick from, opened for a village picked by its name, raters named with
 * their usual role, each rater's score entered for a household found by its head's name.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ObjectionAndPanelPages {

    private final PlatformApi api;
    private final ConsolePage page;

    private final Template objectionsPage;
    private final Template confirmPage;

    private final Villages villages;
    private final Template panelsPage;
    private final Template roundPage;

    public ObjectionAndPanelPages(
            PlatformApi api,
            ConsolePage page,
            Villages villages,
            @Location("console/objections.html") Template objectionsPage,
            @Location("console/objection-confirm.html") Template confirmPage,
            @Location("console/panels.html") Template panelsPage,
            @Location("console/panel-round.html") Template roundPage) {
        this.api = api;
        this.page = page;
        this.villages = villages;
        this.panelsPage = panelsPage;
        this.roundPage = roundPage;
        this.objectionsPage = objectionsPage;
        this.confirmPage = confirmPage;
    }

    /** The services that own report sections, whose objection queues the administrator answers. */
    static final List<String> SERVICES =
            List.of("credit-rating", "farmer-registry", "morality-score", "gateway", "sme-archive");

    @GET
    @Path("objections")
    public TemplateInstance objections(@QueryParam("notice") String notice, @QueryParam("service") String service) {
        String chosen = service != null && SERVICES.contains(service) ? service : SERVICES.get(0);
        TemplateInstance view = page.render(objectionsPage, "nav.objections")
                .data("official", page.user().official())
                .data("admin", page.user().admin())
                .data("sections", sections())
                .data(
                        "services",
                        SERVICES.stream()
                                .map(x -> new Option(x, page.word("objection.service." + x)))
                                .toList())
                .data("service", chosen)
                .data("serviceLabel", page.word("objection.service." + chosen))
                .data("rows", List.of())
                .data("notice", notice == null ? null : page.word("objection." + notice))
                .data("problem", null)
                .data("values", Map.of());
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
        List<Map<String, String>> rows = new ArrayList<>();
        if (!queue.ok() || !queue.json().isArray()) {
            return rows;
        }
        for (JsonNode o : queue.json()) {
            JsonNode st = o.path("statement");
            if (!st.path("id").isTextual()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", st.path("id").asText());
            row.put("raisedAt", Cells.cell(st, "raisedAt", page::word));
            row.put("subjectType", Cells.cell(o, "subjectType", page::word));
            row.put("subject", o.path("subject").asText(""));
            row.put("section", page.word("section." + st.path("section").asText()));
            row.put("text", st.path("text").asText(""));
            row.put(
                    "due",
                    st.path("answerDueOn").asText("")
                            + (st.path("overdue").asBoolean() ? "（" + page.word("objection.overdue") + "）" : ""));
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
        body.put(
                "subjectId",
                form.getFirst("subjectId") == null
                        ? null
                        : form.getFirst("subjectId").strip());
        body.put("section", form.getFirst("section"));
        body.put("text", form.getFirst("text"));
        ApiAnswer answer = api.gateway(g -> g.raiseObjection(body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/objections?notice=raised"))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(objections(null, null).data("problem", answer).data("values", FormState.firstValues(form)))
                .build();
    }

    /**
     * An answer is final (the gateway takes one per objection), so it is confirmed first: the first
     * post shows the objection and the answer as they will be recorded; the confirmed post sends it.
     */
    @POST
    @Path("objections/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(
            @PathParam("id") UUID id,
            @FormParam("answer") String answer,
            @FormParam("outcome") String outcome,
            @FormParam("service") String service,
            @FormParam("confirmed") String confirmed) {
        String chosen = service != null && SERVICES.contains(service) ? service : SERVICES.get(0);
        String decided = "REJECTED".equals(outcome) ? "REJECTED" : "UPHELD";
        String text = answer == null ? "" : answer.strip();
        if (!"yes".equals(confirmed) || text.isEmpty()) {
            ApiAnswer queue = api.gateway(g -> g.objectionQueue(chosen));
            Map<String, String> row = queueRows(queue).stream()
                    .filter(r -> r.get("id").equals(id.toString()))
                    .findFirst()
                    .orElse(null);
            if (row == null) {
                return Response.seeOther(URI.create("/console/objections?service=" + chosen))
                        .build();
            }
            return Response.status(text.isEmpty() ? 400 : 200)
                    .entity(page.render(confirmPage, "objection.confirmTitle")
                            .data("o", row)
                            .data("id", id.toString())
                            .data("answer", text)
                            .data("outcome", decided)
                            .data("outcomeLabel", page.word("objection.outcome." + decided))
                            .data("service", chosen)
                            .data("missing", text.isEmpty())
                            .data("problem", null))
                    .build();
        }
        ApiAnswer result = api.gateway(g -> g.answerObjection(id, Map.of("outcome", decided, "answer", text)));
        if (result.ok()) {
            return Response.seeOther(URI.create("/console/objections?notice=answered&service=" + chosen))
                    .build();
        }
        return Response.status(result.pageStatus())
                .entity(objections(null, chosen).data("problem", result))
                .build();
    }

    private List<Option> sections() {
        return List.of("identity", "household", "rating", "morality", "loans", "queries").stream()
                .map(s -> new Option(s, page.word("section." + s)))
                .toList();
    }

    /** Rounds are listed a page at a time, newest first. */
    static final int ROUNDS_PER_PAGE = 20;

    static final int SEARCH_SIZE = 20;
    private static final List<String> ROUND_STATES = List.of("OPEN", "CLOSED");
    /**
     * The usual members of a village assessment panel. The morality service takes the role as the
     * words themselves (plain text, at most 40 characters), so the Chinese words are what is sent.
     */
    static final Map<String, String> RATER_ROLES = new LinkedHashMap<>();

    static {
        RATER_ROLES.put("村委委员", "committee");
        RATER_ROLES.put("驻村干部", "residentOfficial");
        RATER_ROLES.put("乡贤", "elder");
        RATER_ROLES.put("党员代表", "partyMember");
        RATER_ROLES.put("村民代表", "villagerRepresentative");
    }

    /** The rounds of the villages this person may read, newest first, by state; officials open new ones here. */
    @GET
    @Path("panels")
    public Response panels(
            @QueryParam("status") String status,
            @QueryParam("page") String pageNumber,
            @QueryParam("round") String round) {
        if (round != null && round.strip().matches("[0-9a-fA-F-]{36}")) {
            return Response.seeOther(URI.create("/console/panels/" + round.strip()))
                    .build();
        }
        return Response.ok(roundList(status, pageNumber, "", "")).build();
    }

    private TemplateInstance roundList(String status, String pageNumber, String village, String title) {
        String chosen = status != null && ROUND_STATES.contains(status) ? status : "";
        int number = Pager.number(pageNumber);
        ApiAnswer listing = api.morality(m -> m.panelRounds(PlatformApi.given(chosen), null, number, ROUNDS_PER_PAGE));
        List<Map<String, String>> rows = new ArrayList<>();
        if (listing.ok()) {
            for (JsonNode r : listing.json().path("items")) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("id", r.path("id").asText());
                row.put("village", villages.name(r.path("villageCode").asText()));
                row.put("title", r.path("title").asText(""));
                row.put("state", r.path("state").asText(""));
                row.put("stateLabel", page.word("panel.state." + r.path("state").asText("")));
                row.put("raters", r.path("raters").asText("0"));
                row.put("scores", r.path("scores").asText("0"));
                row.put("households", r.path("householdsScored").asText("0"));
                row.put("openedAt", r.path("openedAt").asText(null));
                row.put(
                        "closedAt",
                        r.path("closedAt").isTextual() ? r.path("closedAt").asText() : null);
                rows.add(row);
            }
        }
        List<Option> states = new ArrayList<>();
        states.add(new Option("", page.word("panel.allStates")));
        ROUND_STATES.forEach(s -> states.add(new Option(s, page.word("panel.state." + s))));
        return page.render(panelsPage, "nav.panels")
                .data("rows", rows)
                .data("states", states)
                .data("status", chosen)
                .data(
                        "pager",
                        Pager.of(listing.ok() ? listing.json().path("total").asLong() : 0, number, ROUNDS_PER_PAGE))
                .data("listProblem", listing.ok() ? null : listing)
                .data("opens", page.user().official())
                .data("villages", villages.mine())
                .data("village", village)
                .data("title", title)
                .data("problem", null);
    }

    /** One round: its raters, the forms to name a rater and enter a score (households found by search), its results. */
    @GET
    @Path("panels/{round}")
    public Response round(@PathParam("round") UUID round, @QueryParam("notice") String notice) {
        ApiAnswer state = api.morality(m -> m.panelRound(round));
        TemplateInstance view = roundView(round, state, null, List.of(), 0)
                .data("notice", notice == null ? null : page.word("panel." + notice));
        return Response.status(state.ok() ? 200 : state.pageStatus())
                .entity(view)
                .build();
    }

    /** The household search of the score form: posted, so a resident ID is in no address or log. */
    @POST
    @Path("panels/{round}/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance searchHousehold(@PathParam("round") UUID round, @FormParam("q") String q) {
        String query = q == null ? "" : q.strip();
        ApiAnswer state = api.morality(m -> m.panelRound(round));
        List<Map<String, Object>> found = new ArrayList<>();
        ApiAnswer answer = null;
        if (!query.isEmpty() && state.ok()) {
            String village = state.json().path("villageCode").asText();
            answer = api.registry(r -> r.households(village, query, null, SEARCH_SIZE));
            if (answer.ok()) {
                for (JsonNode h : answer.json().path("items")) {
                    if ("ACTIVE".equals(h.path("status").asText("ACTIVE"))) {
                        found.add(page.plainObject(h));
                    }
                }
            }
        }
        return roundView(
                        round,
                        state,
                        query,
                        found,
                        answer != null && answer.ok()
                                ? answer.json().path("total").asLong()
                                : 0)
                .data("problem", answer == null || answer.ok() ? null : answer)
                .data("notice", null);
    }

    private TemplateInstance roundView(
            UUID round, ApiAnswer state, String query, List<Map<String, Object>> found, long searchTotal) {
        JsonNode r = state.json();
        boolean open = state.ok() && "OPEN".equals(r.path("state").asText());
        String village = r.path("villageCode").asText("");
        List<Map<String, String>> raters = new ArrayList<>();
        List<Option> raterChoices = new ArrayList<>();
        r.path("raters").forEach(x -> {
            String role = x.path("role").asText("");
            String roleLabel = RATER_ROLES.containsKey(role) ? page.word("panel.role." + RATER_ROLES.get(role)) : role;
            raters.add(Map.of(
                    "id",
                    x.path("id").asText(),
                    "name",
                    x.path("name").asText(),
                    "role",
                    roleLabel,
                    "scores",
                    x.path("scoresEntered").asText("0")));
            raterChoices.add(new Option(x.path("id").asText(), x.path("name").asText() + "（" + roleLabel + "）"));
        });
        List<Option> roles = new ArrayList<>();
        RATER_ROLES.forEach((value, key) -> roles.add(new Option(value, page.word("panel.role." + key))));
        List<Map<String, String>> results = new ArrayList<>();
        r.path("results").forEach(x -> {
            String household = x.path("householdId").asText();
            // the head's name as the registry lets this reader see it; the id when it cannot be read
            // (or past the first NAMED results, so a large round stays one page of calls)
            String head = results.size() < NAMED ? DeedPages.headName(api, household) : "";
            results.add(Map.of(
                    "household",
                    head.isEmpty() ? household : head,
                    "named",
                    String.valueOf(!head.isEmpty()),
                    "mean",
                    x.path("trimmedMean").asText(),
                    "raters",
                    x.path("raterCount").asText()));
        });
        boolean official = page.user().official();
        return page.render(roundPage, "nav.panels")
                .data("id", round.toString())
                .data("round", state.ok() ? page.plainObject(r) : null)
                .data("problem", ConsolePage.firstRefusal(state))
                .data("villageName", village.isEmpty() ? "" : villages.name(village))
                .data(
                        "stateLabel",
                        state.ok() ? page.word("panel.state." + r.path("state").asText()) : "")
                .data("open", open)
                .data("names", open && official)
                .data("scores", open && page.user().keepsFiles())
                .data("closes", open && official)
                .data("raters", raters)
                .data("raterChoices", raterChoices)
                .data("roles", roles)
                .data("results", results)
                .data("q", query == null ? "" : query)
                .data("searched", query != null && !query.isEmpty())
                .data("found", found)
                .data("searchTotal", searchTotal);
    }

    @POST
    @Path("panels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newRound(@FormParam("villageCode") String village, @FormParam("title") String title) {
        ApiAnswer answer = api.morality(m -> m.openPanelRound(
                Map.of("villageCode", village == null ? "" : village.strip(), "title", title == null ? "" : title)));
        if (answer.ok()) {
            return Response.seeOther(URI.create(
                            "/console/panels/" + answer.json().path("id").asText() + "?notice=opened"))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(roundList(null, null, village == null ? "" : village, title == null ? "" : title)
                        .data("problem", answer))
                .build();
    }

    @POST
    @Path("panels/{round}/raters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRater(
            @PathParam("round") UUID round, @FormParam("name") String name, @FormParam("role") String role) {
        return afterPanel(
                api.morality(m ->
                        m.addRater(round, Map.of("name", name == null ? "" : name, "role", role == null ? "" : role))),
                round,
                "raterAdded");
    }

    @POST
    @Path("panels/{round}/scores")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response score(@PathParam("round") UUID round, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("raterId", form.getFirst("raterId"));
        body.put("householdId", form.getFirst("householdId"));
        body.put("score", form.getFirst("score"));
        return afterPanel(api.morality(m -> m.score(round, body)), round, "scored");
    }

    @POST
    @Path("panels/{round}/closing")
    public Response close(@PathParam("round") UUID round) {
        return afterPanel(api.morality(m -> m.closePanelRound(round)), round, "closed");
    }

    private Response afterPanel(ApiAnswer answer, UUID round, String notice) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/panels/" + round + "?notice=" + notice))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(roundView(round, api.morality(m -> m.panelRound(round)), null, List.of(), 0)
                        .data("problem", answer)
                        .data("notice", null))
                .build();
    }

    /** At most this many results of a round are named by a call to the registry each. */
    private static final int NAMED = 100;
}

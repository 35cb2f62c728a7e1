package org.ruralcredit.console.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.FormState;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.service.Villages;
import org.ruralcredit.console.view.FormJson;

/**
 * The moral bank's four eyes on paper: a village clerk finds the household by name or resident ID
 * and proposes a deed, the township official sees who, what and on whose word, and approves or
 * sends it back after confirming; the ledger takes only what was approved.
 */
@Path("/console/deeds")
@Produces(MediaType.TEXT_HTML)
public class DeedPages {

    private static final Set<String> INPUTS =
            Set.of("householdId", "ruleCode", "deedDate", "description", "evidenceNote");
    private static final int SEARCH_SIZE = 20;
    /** Households named in one queue page at most; beyond that the queue shows the village only. */
    private static final int NAMED = 100;

    private final PlatformApi api;
    private final ConsolePage page;
    private final Villages villages;
    private final Template propose;
    private final Template list;

    public DeedPages(
            PlatformApi api,
            ConsolePage page,
            Villages villages,
            @Location("console/deed-form.html") Template propose,
            @Location("console/deeds.html") Template list) {
        this.api = api;
        this.page = page;
        this.villages = villages;
        this.propose = propose;
        this.list = list;
    }

    @GET
    @Path("new")
    public TemplateInstance blank(@QueryParam("household") String household) {
        Map<String, String> values =
                new HashMap<>(Map.of("deedDate", page.today().toString()));
        if (household != null && !household.isBlank()) {
            values.put("householdId", household.strip());
        }
        return form(FormState.empty(values), null, List.of());
    }

    /** The household search of the proposal form: posted, so a resident ID is in no address or log. */
    @POST
    @Path("new/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance search(@FormParam("q") String q) {
        String query = q == null ? "" : q.strip();
        List<Map<String, Object>> found = new ArrayList<>();
        ApiAnswer answer = null;
        String home = villages.home();
        if (!query.isEmpty() && home != null) {
            answer = api.registry(r -> r.households(home, query, null, SEARCH_SIZE));
            if (answer.ok()) {
                for (JsonNode h : answer.json().path("items")) {
                    if (!"ACTIVE".equals(h.path("status").asText("ACTIVE"))) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>(page.plainObject(h));
                    row.put("villageName", villages.name(h.path("villageCode").asText()));
                    found.add(row);
                }
            }
        }
        Map<String, String> values =
                new HashMap<>(Map.of("deedDate", page.today().toString()));
        if (found.size() == 1) {
            values.put("householdId", String.valueOf(found.get(0).get("id")));
        }
        return form(FormState.empty(values), query, found)
                .data(
                        "searchTotal",
                        answer != null && answer.ok()
                                ? answer.json().path("total").asLong()
                                : 0)
                .data("problem", answer == null || answer.ok() ? null : answer);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> submitted) {
        Map<String, String> values = FormState.firstValues(submitted);
        var body = FormJson.of(values);
        body.put("kind", "DEED");
        ApiAnswer answer = api.morality(m -> m.propose(body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/deeds?proposed="
                            + answer.json().path("proposal").path("id").asText()))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(form(FormState.refused(values, answer, "", INPUTS), null, List.of())
                        .data("problem", answer))
                .build();
    }

    /** A clerk's own proposals; an official's queue of proposals waiting for a decision. */
    @GET
    public TemplateInstance list(@QueryParam("proposed") String proposed, @QueryParam("decided") String decided) {
        boolean official = page.user().official();
        ApiAnswer answer = api.morality(m -> official ? m.reviews() : m.proposals());
        List<Map<String, Object>> items = new ArrayList<>();
        if (answer.ok()) {
            Map<String, String> rules = ruleNames(api, page.language());
            Map<String, String> heads = new HashMap<>();
            for (JsonNode p : answer.json()) {
                Map<String, Object> row = new LinkedHashMap<>(page.plainObject(p));
                String code = p.path("ruleCode").asText(p.path("vetoCode").asText(""));
                row.put("ruleName", rules.getOrDefault(code, page.word("deed.unknownRule")));
                String household = p.path("householdId").asText();
                if (!heads.containsKey(household) && heads.size() < NAMED) {
                    heads.put(household, headName(api, household));
                }
                row.put("headName", heads.getOrDefault(household, ""));
                row.put("villageName", villages.name(p.path("villageCode").asText()));
                items.add(row);
            }
        }
        return page.render(list, official ? "nav.reviewQueue" : "nav.myProposals")
                .data("items", items)
                .data("problem", answer.ok() ? null : answer)
                .data("official", official)
                .data("proposed", proposed)
                .data("decided", decided);
    }

    @POST
    @Path("{id}/approval")
    public Response approve(@PathParam("id") UUID id) {
        return decided(id, api.morality(m -> m.approve(id)));
    }

    @POST
    @Path("{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        return decided(id, api.morality(m -> m.reject(id, Map.of("reason", reason == null ? "" : reason))));
    }

    private Response decided(UUID id, ApiAnswer answer) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/deeds?decided=" + id)).build();
        }
        return Response.status(answer.pageStatus())
                .entity(list(null, null).data("problem", answer))
                .build();
    }

    /** The head's name as the registry gives it to this user, or "" when the file cannot be read. */
    static String headName(PlatformApi api, String householdId) {
        if (householdId == null || householdId.isBlank()) {
            return "";
        }
        ApiAnswer h = api.registry(r -> r.household(UUID.fromString(householdId)));
        return h.ok() ? headOf(h.json()) : "";
    }

    /**
     * The names of the catalogue's deed rules and veto items by code, in the page's language
     * (Chinese unless the page is English), from the catalogue in force.
     */
    static Map<String, String> ruleNames(PlatformApi api, String language) {
        Map<String, String> names = new HashMap<>();
        ApiAnswer catalogue = api.morality(m -> m.catalogue());
        if (catalogue.ok()) {
            boolean en = "en".equals(language);
            for (String list : List.of("rules", "vetoes")) {
                catalogue
                        .json()
                        .path(list)
                        .forEach(r -> names.put(
                                r.path("code").asText(),
                                en
                                        ? r.path("nameEn")
                                                .asText(r.path("nameZh").asText())
                                        : r.path("nameZh")
                                                .asText(r.path("nameEn").asText())));
            }
        }
        return names;
    }

    private TemplateInstance form(FormState state, String query, List<Map<String, Object>> found) {
        List<Option> rules = new ArrayList<>();
        ApiAnswer catalogue = api.morality(m -> m.catalogue());
        boolean en = "en".equals(page.language());
        catalogue
                .json()
                .path("rules")
                .forEach(r -> rules.add(new Option(
                        r.path("code").asText(),
                        (en ? r.path("nameEn").asText() : r.path("nameZh").asText()) + "（" + page.word("deed.points")
                                + " " + r.path("points").asInt() + "）")));
        Map<String, Object> picked = null;
        String id = state.value("householdId");
        if (!id.isBlank() && found.isEmpty()) {
            ApiAnswer h = api.registry(r -> r.household(UUID.fromString(id)));
            if (h.ok()) {
                picked = new LinkedHashMap<>();
                picked.put("id", id);
                picked.put("headName", headOf(h.json()));
                picked.put(
                        "villageName",
                        villages.name(h.json().path("villageCode").asText()));
            }
        }
        return page.render(propose, "nav.proposeDeed")
                .data("f", state)
                .data("rules", rules)
                .data("q", query == null ? "" : query)
                .data("searched", query != null && !query.isEmpty())
                .data("found", found)
                .data("picked", picked)
                .data("searchTotal", 0L)
                .data("problem", null);
    }

    /** The name of the household's head in a registry answer, or "". */
    private static String headOf(JsonNode household) {
        for (JsonNode m : household.path("members")) {
            if ("HEAD".equals(m.path("relation").asText())) {
                return m.path("name").asText();
            }
        }
        return "";
    }
}

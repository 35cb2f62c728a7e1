package org.ruralcredit.console.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.ruralcredit.console.service.HouseholdForm;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.service.Villages;
import org.ruralcredit.console.view.FieldNames;
import org.ruralcredit.console.view.FormJson;
import org.ruralcredit.console.view.Pager;

/**
 * Household credit files for township officials and village clerks: find (by name or resident ID,
 * the search posted so an ID never stands in an address or a log line), read with the rating and
 * the moral bank's standing, file, correct and close.
 */
@Path("/console/households")
@Produces(MediaType.TEXT_HTML)
public class HouseholdPages {

    static final int PAGE_SIZE = 20;
    static final List<String> CLOSED_REASONS = List.of("MOVED_AWAY", "MERGED", "DECEASED", "OTHER");

    private final PlatformApi api;
    private final ConsolePage page;
    private final HouseholdForm form;
    private final Villages villages;
    private final Template list;
    private final Template edit;
    private final Template detail;
    private final Template close;

    public HouseholdPages(
            PlatformApi api,
            ConsolePage page,
            HouseholdForm form,
            Villages villages,
            @Location("console/households.html") Template list,
            @Location("console/household-form.html") Template edit,
            @Location("console/household.html") Template detail,
            @Location("console/household-close.html") Template close) {
        this.api = api;
        this.page = page;
        this.form = form;
        this.villages = villages;
        this.list = list;
        this.edit = edit;
        this.detail = detail;
        this.close = close;
    }

    @GET
    public TemplateInstance list(
            @QueryParam("division") String division, @QueryParam("page") @DefaultValue("0") int number) {
        return listing(division, null, number);
    }

    /** The search: posted, so a resident ID typed here is in no address, history or access log. */
    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance search(
            @FormParam("q") String q,
            @FormParam("division") String division,
            @FormParam("page") @DefaultValue("0") int number) {
        return listing(division, q, number);
    }

    private TemplateInstance listing(String division, String q, int number) {
        String home = villages.home();
        List<Option> choices = villages.mine();
        String scope = division == null || division.isBlank() ? home : division.strip();
        if (scope != null && home != null && !scope.startsWith(home)) {
            scope = home; // another township's code: the registry would refuse it anyway
        }
        String query = q == null ? "" : q.strip();
        ApiAnswer answer = null;
        if (scope != null) {
            String within = scope;
            answer = api.registry(r -> r.households(within, PlatformApi.given(query), Math.max(0, number), PAGE_SIZE));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Pager pager = Pager.of(0, number, PAGE_SIZE);
        if (answer != null && answer.ok()) {
            pager = Pager.of(answer.json().path("total").asLong(), number, PAGE_SIZE);
            for (JsonNode h : answer.json().path("items")) {
                Map<String, Object> row = new LinkedHashMap<>(page.plainObject(h));
                row.put("villageName", villages.name(h.path("villageCode").asText()));
                rows.add(row);
            }
        }
        return page.render(list, "households.title")
                .data("division", scope == null ? "" : scope)
                .data("villages", choices)
                .data("townshipView", home != null && home.length() == 9)
                .data("q", query)
                .data("searched", !query.isEmpty())
                .data("rows", rows)
                .data("listed", answer != null && answer.ok())
                .data("pager", pager)
                .data("problem", answer == null || answer.ok() ? null : answer);
    }

    @GET
    @Path("new")
    public TemplateInstance blank() {
        return form(FormState.empty(form.defaults(page.today())), null, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        Map<String, String> values = FormState.firstValues(submitted);
        if (values.containsKey("_more")) {
            values.remove("_more");
            return Response.ok(form(FormState.empty(values), null, true)).build();
        }
        String reason = values.remove("reason");
        Map<String, Object> body = new HashMap<>();
        body.put("file", FormJson.of(form.withoutEmptyGroups(HouseholdForm.withoutEmptyMembers(values))));
        body.put("reason", reason == null || reason.isBlank() ? page.word("households.defaultReason") : reason);
        ApiAnswer answer = api.registry(r -> r.createHousehold(body));
        if (answer.ok()) {
            return Response.seeOther(URI.create(
                            "/console/households/" + answer.json().path("id").asText() + "?created=1"))
                    .build();
        }
        values.put("reason", reason == null ? "" : reason);
        FormState state = FormState.refused(values, answer, "file.", form.inputs());
        return Response.status(answer.pageStatus())
                .entity(form(state, null, false).data("problem", answer))
                .build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(
            @PathParam("id") UUID id,
            @QueryParam("created") String created,
            @QueryParam("corrected") String corrected,
            @QueryParam("closed") String closed) {
        ApiAnswer household = api.registry(r -> r.household(id));
        TemplateInstance shown = page.render(detail, "household.title")
                .data("problem", household.ok() ? null : household)
                .data("created", "1".equals(created))
                .data("corrected", "1".equals(corrected))
                .data("closed", "1".equals(closed));
        if (!household.ok()) {
            return shown.data("h", null)
                    .data("revisions", List.of())
                    .data("rating", null)
                    .data("moral", null)
                    .data("entries", List.of())
                    .data("villageName", "");
        }
        JsonNode h = household.json();
        ApiAnswer revisions = api.registry(r -> r.householdRevisions(id));
        ApiAnswer rating = api.rating(r -> r.householdRating(id));
        ApiAnswer moral = api.morality(m -> m.householdProfile(id));
        List<Map<String, Object>> revisionRows = new ArrayList<>();
        if (revisions.ok()) {
            for (JsonNode r : revisions.json()) {
                Map<String, Object> row = new LinkedHashMap<>(page.plainObject(r));
                List<String> fields = new ArrayList<>();
                r.path("changedFields").forEach(f -> fields.add(FieldNames.of(f.asText(), page::word)));
                row.put("fields", String.join("，", fields));
                revisionRows.add(row);
            }
            revisionRows.sort((a, b) -> Integer.compare(
                    ((Number) b.getOrDefault("version", 0)).intValue(),
                    ((Number) a.getOrDefault("version", 0)).intValue()));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        if (moral.ok()) {
            Map<String, String> names = DeedPages.ruleNames(api, page.language());
            for (JsonNode e : moral.json().path("recentEntries")) {
                Map<String, Object> row = new LinkedHashMap<>(page.plainObject(e));
                String code = e.path("ruleCode").asText(e.path("vetoCode").asText(""));
                row.put("ruleName", names.getOrDefault(code, page.word("deed.unknownRule")));
                entries.add(row);
            }
        }
        return shown.data("h", page.plain(h))
                .data("villageName", villages.name(h.path("villageCode").asText()))
                .data("active", "ACTIVE".equals(h.path("status").asText()))
                .data("revisions", revisionRows)
                .data("rating", rating.ok() ? page.plain(rating.json()) : null)
                .data("moral", moral.ok() ? page.plain(moral.json()) : null)
                .data("entries", entries);
    }

    /** The correction form: the file as it is now, with the version it was read at. */
    @GET
    @Path("{id}/edit")
    public TemplateInstance correction(@PathParam("id") UUID id) {
        ApiAnswer household = api.registry(r -> r.household(id));
        if (!household.ok()) {
            return form(FormState.empty(Map.of()), id, false).data("problem", household);
        }
        Map<String, String> values = new HashMap<>(HouseholdForm.valuesOf(household.json()));
        values.put("expectedVersion", household.json().path("version").asText());
        return form(FormState.empty(values), id, false);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        Map<String, String> values = FormState.firstValues(submitted);
        if (values.containsKey("_more")) {
            values.remove("_more");
            return Response.ok(form(FormState.empty(values), id, true)).build();
        }
        String reason = values.remove("reason");
        String expected = values.remove("expectedVersion");
        Map<String, Object> body = new HashMap<>();
        body.put("file", FormJson.of(form.withoutEmptyGroups(HouseholdForm.withoutEmptyMembers(values))));
        body.put("reason", reason == null || reason.isBlank() ? page.word("household.defaultCorrection") : reason);
        body.put("expectedVersion", expected == null || expected.isBlank() ? null : expected);
        ApiAnswer answer = api.registry(r -> r.correctHousehold(id, body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/households/" + id + "?corrected=1"))
                    .build();
        }
        values.put("reason", reason == null ? "" : reason);
        values.put("expectedVersion", expected == null ? "" : expected);
        FormState state = FormState.refused(values, answer, "file.", form.inputs());
        return Response.status(answer.pageStatus())
                .entity(form(state, id, false)
                        .data("problem", answer)
                        .data(
                                "stale",
                                answer.status() == 409
                                        && "household.stale-version"
                                                .equals(answer.json()
                                                        .path("code")
                                                        .asText()))
                        .data("conflict", answer.status() == 409))
                .build();
    }

    /** Closing a file, first step: why. */
    @GET
    @Path("{id}/close")
    public TemplateInstance closing(@PathParam("id") UUID id) {
        return closePage(id, null, null, false, null);
    }

    /** Closing a file: without {@code confirmed} the page asks again; with it the file is closed. */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(
            @PathParam("id") UUID id,
            @FormParam("reason") String reason,
            @FormParam("note") String note,
            @FormParam("expectedVersion") String expectedVersion,
            @FormParam("confirmed") String confirmed) {
        if (reason == null || !CLOSED_REASONS.contains(reason)) {
            return Response.status(400)
                    .entity(closePage(id, reason, note, false, null).data("noReason", true))
                    .build();
        }
        if (!"1".equals(confirmed)) {
            return Response.ok(closePage(id, reason, note, true, null)).build();
        }
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("expectedVersion", expectedVersion);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        ApiAnswer answer = api.registry(r -> r.closeHousehold(id, body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/households/" + id + "?closed=1"))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(closePage(id, reason, note, false, answer))
                .build();
    }

    private TemplateInstance closePage(UUID id, String reason, String note, boolean confirming, ApiAnswer refusal) {
        ApiAnswer household = api.registry(r -> r.household(id));
        List<Option> reasons = CLOSED_REASONS.stream()
                .map(r -> new Option(r, page.word("label." + r)))
                .toList();
        JsonNode h = household.json();
        String head = "";
        for (JsonNode m : h.path("members")) {
            if ("HEAD".equals(m.path("relation").asText())) {
                head = m.path("name").asText();
            }
        }
        return page.render(close, "household.closeTitle")
                .data("id", id)
                .data("found", household.ok())
                .data("head", head)
                .data(
                        "villageName",
                        household.ok() ? villages.name(h.path("villageCode").asText()) : "")
                .data("version", h.path("version").asText(""))
                .data("reasons", reasons)
                .data("reason", reason == null ? "" : reason)
                .data("note", note == null ? "" : note)
                .data("confirming", confirming)
                .data("noReason", false)
                .data("problem", refusal != null ? refusal : household.ok() ? null : household);
    }

    private TemplateInstance form(FormState state, UUID id, boolean more) {
        List<Option> choices = villages.mine();
        int rows = form.rowsFor(state.values(), more);
        return page.render(edit, id == null ? "households.new" : "household.correctTitle")
                .data("f", state)
                .data("villages", choices)
                .data("rows", form.memberRows(rows))
                .data("carried", form.carried(state.values(), rows))
                .data("o", form.options(page::word))
                .data("action", id == null ? "/console/households" : "/console/households/" + id)
                .data("back", id == null ? "/console/households" : "/console/households/" + id)
                .data("correcting", id != null)
                .data("expectedVersion", state.value("expectedVersion"))
                .data("canAddRows", rows < HouseholdForm.MAX_MEMBERS)
                .data("stale", false)
                .data("conflict", false)
                .data("problem", null);
    }
}

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
 * The credit administrator's desk: rating campaigns (start, posting window and objections,
 * finalisation), scorecard model versions and rule sets, and model monitoring.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template desk;

    public AdminPages(PlatformApi api, ConsolePage page, @Location("console/desk.html") Template desk) {
        this.api = api;
        this.page = page;
        this.desk = desk;
    }

    @GET
    @Path("campaigns")
    public TemplateInstance campaigns(@QueryParam("id") String id, @QueryParam("notice") String notice) {
        Desk.Form start = new Desk.Form("campaign-start", "/console/campaigns", "post", false, List.of(
                Input.text("division", page.word("households.division"), page.user().division()),
                Input.of("postingDays", page.word("campaign.postingDays"), "number", "7")), page.word("campaign.start"));
        Desk.Form open = new Desk.Form("campaign-open", "/console/campaigns", "get", false,
                List.of(Input.text("id", page.word("campaign.id"), id)), page.word("action.open"));
        if (id == null || id.isBlank()) {
            return page.desk(desk, "nav.campaigns", "campaign.intro", null, null, List.of(start, open), List.of());
        }
        ApiAnswer campaign = api.get(Api.RATING, "/api/v1/campaigns/" + id.strip());
        ApiAnswer objections = campaign.ok() ? api.get(Api.RATING, "/api/v1/campaigns/" + id.strip() + "/objections") : null;
        Desk.Table facts = Desk.table("campaign", page.word("campaign.title"), campaign.ok()
                        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(campaign.json()) : campaign.json(),
                Desk.columns(page::word, "division", "households.division", "status", "hh.status", "postingDays",
                        "campaign.postingDays", "householdsTotal", "campaign.households", "householdsRated", "campaign.rated",
                        "stall.since", "campaign.stalledSince", "stall.failedPasses", "campaign.failedPasses"),
                c -> "/console/campaigns/" + c.path("id").asText() + "/finalization", page.word("campaign.finalize"), null,
                page.word("table.empty"), page::word);
        Desk.Table list = Desk.table("objections", page.word("campaign.objections"),
                objections == null ? campaign.json().path("none") : objections.json(),
                Desk.columns(page::word, "householdId", "deed.household", "reason", "revision.reason", "status", "hh.status"),
                o -> "OPEN".equals(o.path("status").asText()) ? "/console/campaigns/" + id.strip() + "/objections/"
                        + o.path("id").asText() + "/uphold" : null,
                page.word("campaign.uphold"), "note", page.word("table.empty"), page::word);
        return page.desk(desk, "nav.campaigns", "campaign.intro", notice == null ? null : page.word("campaign." + notice),
                ConsolePage.firstRefusal(campaign, objections), List.of(start, open), List.of(facts, list));
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("division") String division, @FormParam("postingDays") String postingDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("division", division == null ? null : division.strip());
        body.put("postingDays", postingDays == null || postingDays.isBlank() ? null : postingDays.strip());
        ApiAnswer answer = api.post(Api.RATING, "/api/v1/campaigns", body);
        return after(answer, answer.ok() ? answer.json().path("id").asText() : null, "started");
    }

    @POST
    @Path("campaigns/{id}/finalization")
    public Response finalise(@PathParam("id") UUID id) {
        return after(api.post(Api.RATING, "/api/v1/campaigns/" + id + "/finalization", Map.of()), id.toString(), "finalized");
    }

    @POST
    @Path("campaigns/{id}/objections/{objection}/uphold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response uphold(@PathParam("id") UUID id, @PathParam("objection") UUID objection, @FormParam("note") String note) {
        return after(api.post(Api.RATING, "/api/v1/campaigns/" + id + "/objections/" + objection + "/resolution",
                Map.of("decision", "UPHOLD", "note", note == null ? "" : note)), id.toString(), "resolved");
    }

    private Response after(ApiAnswer answer, String id, String notice) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/campaigns?id=" + id + "&notice=" + notice)).build();
        }
        return Response.status(answer.pageStatus())
                .entity(campaigns(id, null).data("problem", answer)).build();
    }

    @GET
    @Path("models")
    public TemplateInstance models(@QueryParam("notice") String notice) {
        ApiAnswer models = api.get(Api.RATING, "/api/v1/models");
        ApiAnswer rules = api.get(Api.RATING, "/api/v1/division-ratings/rule-sets");
        Desk.Table versions = Desk.table("models", page.word("model.versions"), models.json(),
                Desk.columns(page::word, "code", "model.code", "version", "hh.version", "status", "hh.status",
                        "name", "firm.name"),
                m -> "ACTIVE".equals(m.path("status").asText()) ? null
                        : "/console/models/" + m.path("code").asText() + "/" + m.path("version").asText() + "/activation",
                page.word("model.activate"), null, page.word("table.empty"), page::word);
        Desk.Table ruleSets = Desk.table("rule-sets", page.word("model.ruleSets"), rules.json(),
                Desk.columns(page::word, "code", "model.code", "level", "model.level", "criteria", "model.criteria"),
                null, null, null, page.word("table.empty"), page::word);
        return page.desk(desk, "nav.models", null, notice == null ? null : page.word("model.activated"),
                ConsolePage.firstRefusal(models, rules), List.of(), List.of(versions, ruleSets));
    }

    @POST
    @Path("models/{code}/{version}/activation")
    public Response activate(@PathParam("code") String code, @PathParam("version") int version) {
        ApiAnswer answer = api.post(Api.RATING, "/api/v1/models/" + code + "/" + version + "/activate", Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/models?notice=activated")).build();
        }
        return Response.status(answer.pageStatus()).entity(models(null).data("problem", answer)).build();
    }

    @GET
    @Path("monitoring")
    public TemplateInstance monitoring(@QueryParam("version") String version) {
        Desk.Form form = new Desk.Form("monitoring-form", "/console/monitoring", "get", false,
                List.of(Input.choice("version", page.word("hh.version"), version == null ? "1" : version,
                        List.of(new Option("1", "1"), new Option("2", "2")))), page.word("action.show"));
        ApiAnswer report = api.get(Api.RATING, "/api/v1/monitoring/report", Map.of("version", version == null ? "1" : version));
        Desk.Table grades = Desk.table("monitoring-grades", page.word("monitor.byGrade"),
                report.json().has("grades") ? report.json().path("grades") : report.json().path("defaultRates"),
                Desk.columns(page::word, "grade", "rating.grade", "loans", "lend.loans", "defaults", "monitor.defaults",
                        "defaultRate", "monitor.defaultRate"),
                null, null, null, page.word("table.empty"), page::word);
        var summary = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (report.ok()) {
            summary.add(report.json());
        }
        Desk.Table figures = Desk.table("monitoring-figures", page.word("monitor.figures"), summary,
                Desk.columns(page::word, "ks", "monitor.ks", "auc", "monitor.auc", "gini", "monitor.gini", "psi", "monitor.psi",
                        "flags", "monitor.flags"),
                null, null, null, page.word("table.empty"), page::word);
        return page.desk(desk, "nav.monitoring", "monitor.intro", null, ConsolePage.firstRefusal(report), List.of(form),
                List.of(figures, grades));
    }
}

package org.ruralcredit.console.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
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
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.Cells;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.Divisions;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.view.Criteria;
import org.ruralcredit.console.view.Formats;
import org.ruralcredit.console.view.MonitoringPeriod;
import org.ruralcredit.console.view.Pager;

/**
 * The credit administrator's desk: rating campaigns (start over a division picked by its name, the
 * campaigns the rating service lets this person open listed newest first to pick from, progress
 * that refreshes itself while households are rated, objections in the posting window,
 * finalisation), scorecard model versions and the rule sets of credit villages and townships as
 * sentences, and model monitoring over two periods.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Divisions divisions;
    private final Template campaignsPage;
    private final Template campaignPage;
    private final Template modelsPage;
    private final Template monitoringPage;

    public AdminPages(
            PlatformApi api,
            ConsolePage page,
            Divisions divisions,
            @Location("console/campaigns.html") Template campaignsPage,
            @Location("console/campaign.html") Template campaignPage,
            @Location("console/models.html") Template modelsPage,
            @Location("console/monitoring.html") Template monitoringPage) {
        this.api = api;
        this.page = page;
        this.divisions = divisions;
        this.campaignsPage = campaignsPage;
        this.campaignPage = campaignPage;
        this.modelsPage = modelsPage;
        this.monitoringPage = monitoringPage;
    }

    /** Campaigns are listed a page at a time, newest first. */
    static final int CAMPAIGNS_PER_PAGE = 20;

    @GET
    @Path("campaigns")
    public Response campaigns(@QueryParam("status") String status, @QueryParam("page") String pageNumber) {
        return Response.ok(campaignList(status, pageNumber, null, "7")).build();
    }

    /** The campaigns the rating service lets this person open (newest first, by status) and the start form. */
    private TemplateInstance campaignList(String status, String pageNumber, String division, String postingDays) {
        String chosen = status != null && CAMPAIGN_STATUSES.contains(status) ? status : "";
        int number = Pager.number(pageNumber);
        ApiAnswer listing = api.rating(r -> r.campaigns(PlatformApi.given(chosen), number, CAMPAIGNS_PER_PAGE));
        List<Map<String, String>> rows = new ArrayList<>();
        if (listing.ok()) {
            for (JsonNode j : listing.json().path("items")) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("id", j.path("id").asText());
                row.put("division", divisions.fullName(j.path("division").asText()));
                row.put("status", label(j.path("status").asText()));
                row.put(
                        "progress",
                        j.path("householdsRated").asInt() + " / "
                                + j.path("householdsTotal").asInt());
                row.put("final", j.path("householdsFinal").asText("0"));
                row.put("openObjections", j.path("openObjections").asText("0"));
                row.put("stalled", String.valueOf(j.path("stalled").asBoolean()));
                row.put("startedAt", j.path("startedAt").asText(null));
                row.put(
                        "postingClosesAt",
                        j.path("postingClosesAt").isTextual()
                                ? j.path("postingClosesAt").asText()
                                : null);
                row.put(
                        "finalizedAt",
                        j.path("finalizedAt").isTextual()
                                ? j.path("finalizedAt").asText()
                                : null);
                rows.add(row);
            }
        }
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", page.word("campaign.allStatuses")));
        CAMPAIGN_STATUSES.forEach(s -> statuses.add(new Option(s, label(s))));
        List<Divisions.Group> groups = divisions.countyTownshipsAndVillages(
                divisions.county(page.user()), page.word("campaign.county"), page.word("campaign.wholeTownship"));
        return page.render(campaignsPage, "nav.campaigns")
                .data("rows", rows)
                .data("groups", groups)
                .data("statuses", statuses)
                .data("status", chosen)
                .data(
                        "pager",
                        Pager.of(listing.ok() ? listing.json().path("total").asLong() : 0, number, CAMPAIGNS_PER_PAGE))
                .data("listProblem", listing.ok() ? null : listing)
                .data("division", division == null ? "" : division)
                .data("postingDays", postingDays)
                .data("problem", null);
    }

    private static final List<String> CAMPAIGN_STATUSES = List.of("RATING", "POSTED", "FINALIZING", "FINALIZED");

    @GET
    @Path("campaigns/{id}")
    public Response campaign(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        ApiAnswer campaign = api.rating(r -> r.campaign(id));
        TemplateInstance view = campaignView(campaignPage, id, campaign)
                .data("notice", notice == null ? null : page.word("campaign." + notice));
        if (!campaign.ok()) {
            return Response.status(campaign.pageStatus()).entity(view).build();
        }
        return Response.ok(view).build();
    }

    /** The progress htmx swaps in every few seconds while the campaign's households are being rated. */
    @GET
    @Path("campaigns/{id}/progress")
    public TemplateInstance progress(@PathParam("id") UUID id) {
        return campaignView(campaignPage.getFragment("progress"), id, api.rating(r -> r.campaign(id)));
    }

    private TemplateInstance campaignView(Template template, UUID id, ApiAnswer campaign) {
        JsonNode c = campaign.json();
        String status = c.path("status").asText("");
        int total = c.path("householdsTotal").asInt();
        int rated = c.path("householdsRated").asInt();
        int percent = total == 0 ? ("RATING".equals(status) ? 0 : 100) : Math.min(100, rated * 100 / total);
        List<Map<String, String>> facts = new ArrayList<>();
        List<Map<String, String>> objections = new ArrayList<>();
        if (campaign.ok()) {
            fact(
                    facts,
                    page.word("campaign.division"),
                    divisions.fullName(c.path("division").asText()));
            fact(facts, page.word("hh.status"), Cells.cell(c, "status", page::word));
            fact(facts, page.word("campaign.households"), String.valueOf(total));
            fact(facts, page.word("campaign.rated"), String.valueOf(rated));
            fact(facts, page.word("campaign.final"), c.path("householdsFinal").asText("0"));
            fact(facts, page.word("campaign.postingDays"), c.path("postingDays").asText());
            fact(
                    facts,
                    page.word("campaign.startedAt"),
                    Cells.cell(c, "startedAt", page::word) + " "
                            + c.path("startedBy").asText(""));
            if (c.path("postingOpensAt").isTextual()) {
                fact(
                        facts,
                        page.word("campaign.posting"),
                        Cells.cell(c, "postingOpensAt", page::word) + " – "
                                + Cells.cell(c, "postingClosesAt", page::word));
            }
            if (c.path("finalizedAt").isTextual()) {
                fact(
                        facts,
                        page.word("campaign.finalizedAt"),
                        Cells.cell(c, "finalizedAt", page::word) + " "
                                + c.path("finalizedBy").asText(""));
            }
            if (c.path("validUntil").isTextual()) {
                fact(facts, page.word("report.validUntil"), c.path("validUntil").asText());
            }
            List<String> counts = new ArrayList<>();
            c.path("objections")
                    .properties()
                    .forEach(e ->
                            counts.add(label(e.getKey()) + " " + e.getValue().asText()));
            if (!counts.isEmpty()) {
                fact(facts, page.word("campaign.objections"), String.join("、", counts));
            }
            if (c.path("stall").isObject()) {
                fact(
                        facts,
                        page.word("campaign.stalledSince"),
                        Cells.cell(c, "stall.since", page::word) + " · " + page.word("campaign.failedPasses") + " "
                                + c.path("stall").path("failedPasses").asText());
            }
            ApiAnswer list = api.rating(r -> r.campaignObjections(id));
            if (list.ok() && list.json().isArray()) {
                for (JsonNode o : list.json()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("id", o.path("id").asText());
                    row.put("filedAt", Cells.cell(o, "filedAt", page::word));
                    row.put("township", divisions.name(o.path("townshipCode").asText()));
                    row.put("household", o.path("householdId").asText());
                    row.put("reason", o.path("reason").asText(""));
                    row.put("status", Cells.cell(o, "status", page::word));
                    row.put(
                            "open",
                            String.valueOf("OPEN".equals(o.path("status").asText())));
                    row.put("resolution", o.path("resolutionNote").asText(""));
                    objections.add(row);
                }
            }
        }
        boolean moving = "RATING".equals(status) || "FINALIZING".equals(status);
        return page.render(template, "campaign.title")
                .data("id", id.toString())
                .data("facts", facts)
                .data("percent", percent)
                .data("moving", moving)
                .data("status", status)
                .data("statusLabel", status.isEmpty() ? "" : label(status))
                .data("posted", "POSTED".equals(status))
                .data("objections", objections)
                .data("problem", campaign.ok() ? null : campaign)
                .data("notice", null);
    }

    private static void fact(List<Map<String, String>> facts, String label, String value) {
        facts.add(Map.of("label", label, "value", value == null ? "" : value));
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("division") String division, @FormParam("postingDays") String postingDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("division", division == null ? null : division.strip());
        try {
            body.put(
                    "postingDays",
                    postingDays == null || postingDays.isBlank() ? null : Integer.valueOf(postingDays.strip()));
        } catch (NumberFormatException e) {
            body.put("postingDays", postingDays.strip());
        }
        ApiAnswer answer = api.rating(r -> r.startCampaign(body));
        if (answer.ok()) {
            String id = answer.json().path("id").asText();
            return Response.seeOther(URI.create("/console/campaigns/" + id + "?notice=started"))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(campaignList(null, null, division, postingDays).data("problem", answer))
                .build();
    }

    @POST
    @Path("campaigns/{id}/finalization")
    public Response finalise(@PathParam("id") UUID id) {
        return after(api.rating(r -> r.finalizeCampaign(id)), id, "finalized");
    }

    @POST
    @Path("campaigns/{id}/objections/{objection}/uphold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response uphold(
            @PathParam("id") UUID id,
            @PathParam("objection") UUID objection,
            @FormParam("note") String note,
            @FormParam("decision") String decision) {
        String d = "RERATE".equals(decision) ? "RERATE" : "UPHOLD";
        return after(
                api.rating(r ->
                        r.resolveObjection(id, objection, Map.of("decision", d, "note", note == null ? "" : note))),
                id,
                "resolved");
    }

    private Response after(ApiAnswer answer, UUID id, String notice) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/campaigns/" + id + "?notice=" + notice))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(campaignView(campaignPage, id, api.rating(r -> r.campaign(id)))
                        .data("problem", answer))
                .build();
    }

    @GET
    @Path("models")
    public TemplateInstance models(@QueryParam("notice") String notice) {
        ApiAnswer models = api.rating(r -> r.models());
        ApiAnswer rules = api.rating(r -> r.divisionRuleSets());
        List<Map<String, String>> versions = new ArrayList<>();
        if (models.ok() && models.json().isArray()) {
            for (JsonNode m : models.json()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("model", modelName(m.path("code").asText()));
                row.put("version", m.path("version").asText());
                row.put("status", Cells.cell(m, "status", page::word));
                row.put(
                        "created",
                        Cells.cell(m, "createdAt", page::word) + " "
                                + m.path("createdBy").asText(""));
                row.put(
                        "activated",
                        m.path("activatedAt").isTextual()
                                ? Cells.cell(m, "activatedAt", page::word) + " "
                                        + m.path("activatedBy").asText("")
                                : "");
                row.put(
                        "action",
                        "ACTIVE".equals(m.path("status").asText())
                                ? ""
                                : "/console/models/" + m.path("code").asText() + "/"
                                        + m.path("version").asText() + "/activation");
                versions.add(row);
            }
        }
        List<Map<String, Object>> ruleSets = new ArrayList<>();
        if (rules.ok() && rules.json().isArray()) {
            for (JsonNode r : rules.json()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", r.path("id").asText());
                row.put("level", label(r.path("level").asText()));
                row.put("version", r.path("version").asText());
                List<String> criteria = new ArrayList<>();
                r.path("criteria")
                        .forEach(c -> criteria.add(Criteria.sentence(
                                c.path("measure").asText(),
                                c.path("comparison").asText(),
                                c.path("threshold").isNumber()
                                        ? c.path("threshold").decimalValue()
                                        : null,
                                page::word)));
                row.put("criteria", criteria);
                ruleSets.add(row);
            }
        }
        return page.render(modelsPage, "nav.models")
                .data("versions", versions)
                .data("ruleSets", ruleSets)
                .data("notice", notice == null ? null : page.word("model.activated"))
                .data("problem", ConsolePage.firstRefusal(models, rules));
    }

    @POST
    @Path("models/{code}/{version}/activation")
    public Response activate(@PathParam("code") String code, @PathParam("version") int version) {
        ApiAnswer answer = api.rating(r -> r.activateModel(code, version));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/models?notice=activated"))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(models(null).data("problem", answer))
                .build();
    }

    @GET
    @Path("monitoring")
    public TemplateInstance monitoring(
            @QueryParam("model") String model,
            @QueryParam("version") String version,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("baselineFrom") String baselineFrom,
            @QueryParam("baselineTo") String baselineTo) {
        MonitoringPeriod d = MonitoringPeriod.defaults(page.today());
        LocalDate f = MonitoringPeriod.dateOr(from, d.from());
        LocalDate t = MonitoringPeriod.dateOr(to, d.to());
        LocalDate bf = MonitoringPeriod.dateOr(baselineFrom, d.baselineFrom());
        LocalDate bt = MonitoringPeriod.dateOr(baselineTo, d.baselineTo());
        ApiAnswer models = api.rating(r -> r.models());
        List<Option> choices = new ArrayList<>();
        String chosen = null;
        if (models.ok() && models.json().isArray()) {
            for (JsonNode m : models.json()) {
                String value = m.path("code").asText() + ":" + m.path("version").asText();
                choices.add(new Option(
                        value,
                        modelName(m.path("code").asText()) + " "
                                + page.word("model.versionNo")
                                        .replace("%d", m.path("version").asText()) + "（"
                                + Cells.cell(m, "status", page::word) + "）"));
                if (chosen == null && "ACTIVE".equals(m.path("status").asText())) {
                    chosen = value;
                }
            }
        }
        if (model != null && version != null && version.matches("\\d{1,4}")) {
            chosen = model + ":" + version;
        } else if (model != null && model.contains(":")) {
            chosen = model;
        }
        if (chosen == null) {
            chosen = "household-default:1";
        }
        String code = chosen.substring(0, chosen.indexOf(':'));
        String number = chosen.substring(chosen.indexOf(':') + 1);
        ApiAnswer report = api.rating(r -> r.monitoringReport(code, number, f, t, bf, bt));
        JsonNode r = report.json();
        List<Map<String, String>> figures = new ArrayList<>();
        List<Map<String, String>> grades = new ArrayList<>();
        List<Map<String, String>> bins = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        if (report.ok()) {
            figure(figures, "monitor.ks", number(r.path("ks"), false), "monitor.ksHint");
            figure(figures, "monitor.auc", number(r.path("auc"), false), "monitor.aucHint");
            figure(figures, "monitor.gini", number(r.path("gini"), false), "monitor.giniHint");
            figure(figures, "monitor.psi", number(r.path("psi"), false), "monitor.psiHint");
            figure(figures, "monitor.periodLoans", r.path("periodLoans").asText(), null);
            figure(figures, "monitor.baselineLoans", r.path("baselineLoans").asText(), null);
            figure(
                    figures,
                    "monitor.goodsBads",
                    r.path("goods").asText() + " / " + r.path("bads").asText(),
                    null);
            figure(figures, "monitor.unscored", r.path("unscoredLoans").asText(), null);
            r.path("defaultRates")
                    .forEach(g -> grades.add(Map.of(
                            "grade",
                            label(g.path("grade").asText()),
                            "loans",
                            g.path("loans").asText(),
                            "bads",
                            g.path("bads").asText(),
                            "rate",
                            g.path("defaultRate").isNumber()
                                    ? Formats.fractionAsPercent(
                                            g.path("defaultRate").decimalValue())
                                    : "—")));
            r.path("psiBins")
                    .forEach(b -> bins.add(Map.of(
                            "bin",
                            label(b.path("bin").asText()),
                            "expected",
                            b.path("expectedCount").asText() + "（" + share(b.path("expectedShare")) + "）",
                            "actual",
                            b.path("actualCount").asText() + "（" + share(b.path("actualShare")) + "）",
                            "contribution",
                            number(b.path("contribution"), false))));
            r.path("flags").forEach(x -> flags.add(label(x.asText()) + "：" + page.word("monitor.flag." + x.asText())));
        }
        // too few loans with outcomes is no failure of the page: it is said in the console's words with the counts
        boolean insufficient = report.status() == 409
                && "analytics.insufficient-data".equals(r.path("code").asText());
        String insufficientText = insufficient
                ? page.word("monitor.insufficient")
                        .replace(
                                "{withOutcomes}",
                                r.path("args").path("withOutcomes").asText("0"))
                        .replace("{scored}", r.path("args").path("scored").asText("0"))
                        .replace("{baseline}", r.path("args").path("baseline").asText("0"))
                : null;
        return page.render(monitoringPage, "nav.monitoring")
                .data("models", choices)
                .data("model", chosen)
                .data("insufficient", insufficientText)
                .data("from", f.toString())
                .data("to", t.toString())
                .data("baselineFrom", bf.toString())
                .data("baselineTo", bt.toString())
                .data("figures", figures)
                .data("grades", grades)
                .data("bins", bins)
                .data("flags", flags)
                .data("shown", report.ok())
                .data("problem", report.ok() || insufficient ? null : report);
    }

    private void figure(List<Map<String, String>> figures, String key, String value, String hint) {
        figures.add(Map.of("label", page.word(key), "value", value, "hint", hint == null ? "" : page.word(hint)));
    }

    private static String number(JsonNode v, boolean percent) {
        if (!v.isNumber()) {
            return "—";
        }
        BigDecimal d = v.decimalValue();
        return percent
                ? Formats.fractionAsPercent(d)
                : d.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String share(JsonNode v) {
        return v.isNumber() ? Formats.fractionAsPercent(v.decimalValue().setScale(4, RoundingMode.HALF_UP)) : "—";
    }

    private String modelName(String code) {
        String w = page.word("model.name." + code);
        return w.equals("model.name." + code) ? code : w;
    }

    private String label(String code) {
        String l = page.word("label." + code);
        return l.equals("label." + code) ? code : l;
    }
}

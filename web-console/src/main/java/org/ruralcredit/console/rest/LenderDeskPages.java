package org.ruralcredit.console.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
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
import org.ruralcredit.console.service.Desk;
import org.ruralcredit.console.service.Desk.Input;
import org.ruralcredit.console.service.Divisions;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;

/** The loan officer's desk beside the report: village campaign lists, loan reporting, warnings, no-loan firms. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class LenderDeskPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template desk;

    private final Divisions divisions;
    private final Template villageCampaign;
    private final Template warningsPage;

    public LenderDeskPages(
            PlatformApi api,
            ConsolePage page,
            @Location("console/desk.html") Template desk,
            Divisions divisions,
            @Location("console/village-campaign.html") Template villageCampaign,
            @Location("console/warnings.html") Template warningsPage) {
        this.api = api;
        this.page = page;
        this.desk = desk;
        this.divisions = divisions;
        this.villageCampaign = villageCampaign;
        this.warningsPage = warningsPage;
    }

    @GET
    @Path("village-campaign")
    public TemplateInstance villageCampaign(@QueryParam("village") String village) {
        String chosen = village == null ? "" : village.strip();
        TemplateInstance view = page.render(villageCampaign, "nav.villageCampaign")
                .data("groups", divisions.townshipsWithVillages(divisions.county(page.user()), null))
                .data("village", chosen)
                .data("villageName", "")
                .data("rows", List.of())
                .data("summary", null)
                .data("problem", null)
                .data("listed", false);
        if (chosen.isEmpty()) {
            return view;
        }
        ApiAnswer answer = api.gateway(g -> g.villageCampaign(chosen));
        if (!answer.ok()) {
            return view.data("problem", answer).data("villageName", divisions.fullName(chosen));
        }
        JsonNode list = answer.json();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode h : list.path("creditHouseholds")) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("head", h.path("headName").asText());
            row.put("id", h.path("headResidentId").asText());
            row.put("grade", Cells.cell(h, "grade", page::word));
            row.put("credit", Cells.cell(h, "creditHousehold", page::word));
            List<String> offers = new ArrayList<>();
            for (JsonNode o : h.path("offers")) {
                offers.add(o.path("policyId").asText()
                        + (o.has("policyVersion")
                                ? " v" + o.path("policyVersion").asText()
                                : "") + "："
                        + Cells.cell(o, "creditLine", page::word)
                        + (o.path("annualRate").isNumber() ? " · " + Cells.cell(o, "annualRate", page::word) : ""));
            }
            row.put("offers", offers.isEmpty() ? page.word("lend.noOffer") : String.join("；", offers));
            rows.add(row);
        }
        List<String> missing = new ArrayList<>();
        list.path("missing")
                .forEach(m -> missing.add(
                        page.word("label." + m.asText()).startsWith("label.")
                                ? m.asText()
                                : page.word("label." + m.asText())));
        String summary = page.word("lend.campaignSummary")
                        .formatted(
                                list.path("households").asInt(),
                                rows.size(),
                                list.path("notRated").asInt())
                + " · " + page.word("report.generatedAt") + " " + Cells.cell(list, "generatedAt", page::word)
                + " · " + page.word("lend.registerEntry") + " "
                + list.path("registerEntry").asText();
        if (!list.path("complete").asBoolean(true)) {
            summary += " · " + page.word("report.incomplete") + " " + String.join("、", missing);
        }
        return view.data("rows", rows)
                .data("summary", summary)
                .data("villageName", divisions.fullName(chosen))
                .data("listed", true);
    }

    @GET
    @Path("warnings")
    public TemplateInstance warnings(@QueryParam("done") String done, @QueryParam("all") String all) {
        boolean every = "1".equals(all);
        ApiAnswer answer = api.gateway(g -> g.warnings(every));
        List<Map<String, String>> rows = new ArrayList<>();
        if (answer.ok() && answer.json().isArray()) {
            for (JsonNode w : answer.json()) {
                Map<String, String> row = new LinkedHashMap<>();
                String kind = w.path("kind").asText();
                row.put("at", Cells.cell(w, "createdAt", page::word));
                row.put("kind", Cells.cell(w, "kind", page::word));
                // the gateway writes the detail in the page's language from the values it keeps; warnings made
                // before it kept them have an English sentence only, so a Chinese page explains their kind instead
                boolean written = w.path("args").isObject() || "en".equals(page.language());
                row.put(
                        "detail",
                        written
                                ? w.path("detail").asText("")
                                : page.word("warn.explain." + kind).startsWith("warn.explain.")
                                        ? ""
                                        : page.word("warn.explain." + kind));
                row.put("loanRef", w.path("loanRef").asText(""));
                row.put("subject", w.path("subject").asText(""));
                row.put(
                        "acknowledged",
                        w.path("acknowledgedAt").isTextual()
                                ? Cells.cell(w, "acknowledgedAt", page::word) + " "
                                        + w.path("acknowledgedBy").asText("")
                                : "");
                row.put(
                        "action",
                        w.path("acknowledgedAt").isTextual()
                                ? ""
                                : "/console/warnings/" + w.path("id").asText() + "/acknowledgement");
                rows.add(row);
            }
        }
        return page.render(warningsPage, "nav.warnings")
                .data("rows", rows)
                .data("all", every)
                .data("notice", done == null ? null : page.word("warn.acknowledged"))
                .data("problem", answer.ok() ? null : answer);
    }

    @POST
    @Path("warnings/{id}/acknowledgement")
    public Response acknowledge(@PathParam("id") UUID id) {
        ApiAnswer answer = api.gateway(g -> g.acknowledgeWarning(id));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/warnings?done=1")).build();
        }
        return Response.status(answer.pageStatus())
                .entity(warnings(null, null).data("problem", answer))
                .build();
    }

    @GET
    @Path("firms")
    public TemplateInstance firms(@QueryParam("division") String division, @QueryParam("industry") String industry) {
        // the county's townships by name; nothing chosen is the whole county the lender serves
        List<Option> places = new ArrayList<>();
        places.add(new Option("", page.word("register.all")));
        places.addAll(divisions.townships(divisions.county(page.user()), false));
        Desk.Form form = new Desk.Form(
                "firm-filter",
                "/console/firms",
                "get",
                false,
                List.of(
                        Input.choice("division", page.word("households.division"), division, places),
                        Input.text("industry", page.word("firm.industry"), industry)),
                page.word("action.show"));
        ApiAnswer answer = api.gateway(g -> g.noLoanList(PlatformApi.given(division), PlatformApi.given(industry)));
        var items = answer.json().has("items") ? answer.json().path("items") : answer.json();
        Desk.Table table = Desk.table(
                "firms",
                null,
                items,
                Desk.columns(
                        page::word,
                        "uscc",
                        "firm.uscc",
                        "name",
                        "firm.name",
                        "division",
                        "households.division",
                        "industry",
                        "firm.industry",
                        "grade",
                        "rating.grade"),
                null,
                null,
                null,
                page.word("table.empty"),
                page::word);
        table.rows().forEach(r -> r.put("division", divisions.fullName(r.get("division"))));
        return page.desk(
                desk, "nav.firms", null, null, ConsolePage.firstRefusal(answer), List.of(form), List.of(table));
    }

    @GET
    @Path("loans")
    public TemplateInstance loans(@QueryParam("reported") String reported) {
        LocalDate today = page.today();
        Desk.Form report = new Desk.Form(
                "loan-form",
                "/console/loans",
                "post",
                false,
                List.of(
                        Input.text("loanRef", page.word("lend.loanRef"), ""),
                        Input.text("subjectId", page.word("consent.subjectId"), ""),
                        Input.choice(
                                "subjectType",
                                page.word("consent.subjectType"),
                                "HOUSEHOLD",
                                List.of(
                                        new Option("HOUSEHOLD", page.word("enum.subject.HOUSEHOLD")),
                                        new Option("FIRM", page.word("enum.subject.FIRM")))),
                        Input.of("amount", page.word("lend.amount"), "number", ""),
                        Input.of("startDate", page.word("lend.startDate"), "date", today.toString()),
                        Input.of("termMonths", page.word("lend.termMonths"), "number", "12"),
                        Input.text("purpose", page.word("lend.purpose"), ""),
                        Input.text("annualRate", page.word("lend.rate"), "0.0435")),
                page.word("action.submit"));
        Desk.Form status = new Desk.Form(
                "status-form",
                "/console/loans/status",
                "post",
                false,
                List.of(
                        Input.text("loanRef", page.word("lend.loanRef"), ""),
                        Input.of("outstanding", page.word("lend.outstanding"), "number", ""),
                        Input.of("overdueDays", page.word("lend.overdueDays"), "number", "0")),
                page.word("lend.reportStatus"));
        ApiAnswer portfolio = api.gateway(g -> g.loanPortfolio("township", null));
        Desk.Table table = Desk.table(
                "portfolio",
                page.word("lend.portfolio"),
                portfolio.json().path("groups"),
                Desk.columns(
                        page::word,
                        "group",
                        "households.division",
                        "loans",
                        "lend.loans",
                        "active",
                        "lend.active",
                        "outstanding",
                        "lend.outstanding",
                        "overdueRate",
                        "lend.overdueRate",
                        "nplRatio",
                        "lend.npl"),
                null,
                null,
                null,
                page.word("table.empty"),
                page::word);
        table.rows().forEach(r -> r.put("group", divisions.name(r.get("group"))));
        return page.desk(
                desk,
                "nav.loans",
                "lend.loansIntro",
                reported == null ? null : page.word("lend.reported"),
                ConsolePage.firstRefusal(portfolio),
                List.of(report, status),
                List.of(table));
    }

    @POST
    @Path("loans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reportLoan(MultivaluedMap<String, String> form) {
        String ref =
                form.getFirst("loanRef") == null ? "" : form.getFirst("loanRef").strip();
        Map<String, Object> body = new HashMap<>();
        for (String key : List.of("subjectType", "subjectId", "startDate", "purpose")) {
            putIfGiven(body, key, form.getFirst(key));
        }
        putNumber(body, "amount", form.getFirst("amount"));
        putNumber(body, "termMonths", form.getFirst("termMonths"));
        putNumber(body, "annualRate", form.getFirst("annualRate"));
        return afterLoanCall(ref.isEmpty() ? null : api.gateway(g -> g.reportLoan(ref, body)));
    }

    @POST
    @Path("loans/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reportStatus(MultivaluedMap<String, String> form) {
        String ref =
                form.getFirst("loanRef") == null ? "" : form.getFirst("loanRef").strip();
        Map<String, Object> body = new HashMap<>();
        putNumber(body, "outstanding", form.getFirst("outstanding"));
        putNumber(body, "overdueDays", form.getFirst("overdueDays"));
        return afterLoanCall(ref.isEmpty() ? null : api.gateway(g -> g.reportLoanStatus(ref, body)));
    }

    private Response afterLoanCall(ApiAnswer answer) {
        if (answer != null && answer.ok()) {
            return Response.seeOther(URI.create("/console/loans?reported=1")).build();
        }
        TemplateInstance again = loans(null);
        if (answer == null) {
            return Response.status(400)
                    .entity(again.data("notice", null)
                            .data("problem", null)
                            .data("intro", page.word("lend.loanRefMissing")))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(again.data("problem", answer))
                .build();
    }

    private static void putIfGiven(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.strip());
        }
    }

    /** A number as typed; what is not a number goes as text, so the API names the field. */
    private static void putNumber(Map<String, Object> body, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            body.put(key, new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            body.put(key, value.strip());
        }
    }
}

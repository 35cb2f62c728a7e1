package org.ruralcredit.console.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
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

/** The loan officer's desk beside the report: village campaign lists, loan reporting, warnings, no-loan firms. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class LenderDeskPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template desk;

    public LenderDeskPages(PlatformApi api, ConsolePage page, @Location("console/desk.html") Template desk) {
        this.api = api;
        this.page = page;
        this.desk = desk;
    }

    @GET
    @Path("village-campaign")
    public TemplateInstance villageCampaign(@QueryParam("village") String village) {
        Desk.Form form = new Desk.Form("campaign-form", "/console/village-campaign", "get", false,
                List.of(Input.text("village", page.word("lend.villageCode"), village)), page.word("action.show"));
        if (village == null || village.isBlank()) {
            return page.desk(desk, "nav.villageCampaign", "lend.campaignIntro", null, null, List.of(form), List.of());
        }
        ApiAnswer answer = api.get(Api.GATEWAY, "/api/v1/campaigns/villages/" + village.strip());
        Desk.Table table = Desk.table("campaign-households", null, answer.json().path("creditHouseholds"),
                Desk.columns(page::word, "headName", "hh.head", "headResidentId", "hh.residentId", "grade", "rating.grade",
                        "offers", "lend.creditLine"),
                null, null, null, page.word("table.empty"), page::word);
        return page.desk(desk, "nav.villageCampaign", "lend.campaignIntro", null, ConsolePage.firstRefusal(answer),
                List.of(form), List.of(table));
    }

    @GET
    @Path("warnings")
    public TemplateInstance warnings(@QueryParam("done") String done) {
        ApiAnswer answer = api.get(Api.GATEWAY, "/api/v1/warnings");
        Desk.Table table = Desk.table("warnings", null, answer.json(),
                Desk.columns(page::word, "createdAt", "table.time", "kind", "warn.kind", "detail", "warn.detail",
                        "loanRef", "lend.loanRef", "subject", "consent.subjectId"),
                w -> "/console/warnings/" + w.path("id").asText() + "/acknowledgement", page.word("warn.acknowledge"), null,
                page.word("warn.none"), page::word);
        return page.desk(desk, "nav.warnings", null, done == null ? null : page.word("warn.acknowledged"),
                ConsolePage.firstRefusal(answer), List.of(), List.of(table));
    }

    @POST
    @Path("warnings/{id}/acknowledgement")
    public Response acknowledge(@PathParam("id") UUID id) {
        ApiAnswer answer = api.post(Api.GATEWAY, "/api/v1/warnings/" + id + "/acknowledgement", Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/warnings?done=1")).build();
        }
        return Response.status(answer.pageStatus()).entity(warnings(null).data("problem", answer)).build();
    }

    @GET
    @Path("firms")
    public TemplateInstance firms(@QueryParam("division") String division, @QueryParam("industry") String industry) {
        Desk.Form form = new Desk.Form("firm-filter", "/console/firms", "get", false,
                List.of(Input.text("division", page.word("households.division"), division),
                        Input.text("industry", page.word("firm.industry"), industry)), page.word("action.show"));
        Map<String, Object> query = new HashMap<>();
        query.put("division", division);
        query.put("industry", industry);
        ApiAnswer answer = api.get(Api.GATEWAY, "/api/v1/no-loan-list", query);
        var items = answer.json().has("items") ? answer.json().path("items") : answer.json();
        Desk.Table table = Desk.table("firms", null, items,
                Desk.columns(page::word, "uscc", "firm.uscc", "name", "firm.name", "division", "households.division",
                        "industry", "firm.industry", "grade", "rating.grade"),
                null, null, null, page.word("table.empty"), page::word);
        return page.desk(desk, "nav.firms", null, null, ConsolePage.firstRefusal(answer), List.of(form), List.of(table));
    }

    @GET
    @Path("loans")
    public TemplateInstance loans(@QueryParam("reported") String reported) {
        LocalDate today = LocalDate.now();
        Desk.Form report = new Desk.Form("loan-form", "/console/loans", "post", false, List.of(
                Input.text("loanRef", page.word("lend.loanRef"), ""),
                Input.text("subjectId", page.word("consent.subjectId"), ""),
                Input.choice("subjectType", page.word("consent.subjectType"), "HOUSEHOLD",
                        List.of(new Option("HOUSEHOLD", page.word("enum.subject.HOUSEHOLD")),
                                new Option("FIRM", page.word("enum.subject.FIRM")))),
                Input.of("amount", page.word("lend.amount"), "number", ""),
                Input.of("startDate", page.word("lend.startDate"), "date", today.toString()),
                Input.of("termMonths", page.word("lend.termMonths"), "number", "12"),
                Input.text("purpose", page.word("lend.purpose"), ""),
                Input.text("annualRate", page.word("lend.rate"), "0.0435")), page.word("action.submit"));
        Desk.Form status = new Desk.Form("status-form", "/console/loans/status", "post", false, List.of(
                Input.text("loanRef", page.word("lend.loanRef"), ""),
                Input.of("outstanding", page.word("lend.outstanding"), "number", ""),
                Input.of("overdueDays", page.word("lend.overdueDays"), "number", "0")), page.word("lend.reportStatus"));
        ApiAnswer portfolio = api.get(Api.GATEWAY, "/api/v1/loan-portfolio", Map.of("by", "township"));
        Desk.Table table = Desk.table("portfolio", page.word("lend.portfolio"), portfolio.json().path("groups"),
                Desk.columns(page::word, "group", "households.division", "loans", "lend.loans", "active", "lend.active",
                        "outstanding", "lend.outstanding", "overdueRate", "lend.overdueRate", "nplRatio", "lend.npl"),
                null, null, null, page.word("table.empty"), page::word);
        return page.desk(desk, "nav.loans", "lend.loansIntro", reported == null ? null : page.word("lend.reported"),
                ConsolePage.firstRefusal(portfolio), List.of(report, status), List.of(table));
    }

    @POST
    @Path("loans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reportLoan(MultivaluedMap<String, String> form) {
        String ref = form.getFirst("loanRef") == null ? "" : form.getFirst("loanRef").strip();
        Map<String, Object> body = new HashMap<>();
        for (String key : List.of("subjectType", "subjectId", "startDate", "purpose")) {
            putIfGiven(body, key, form.getFirst(key));
        }
        putNumber(body, "amount", form.getFirst("amount"));
        putNumber(body, "termMonths", form.getFirst("termMonths"));
        putNumber(body, "annualRate", form.getFirst("annualRate"));
        return afterLoanCall(ref.isEmpty() ? null : api.put(Api.GATEWAY, "/api/v1/loans/" + ref, body));
    }

    @POST
    @Path("loans/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reportStatus(MultivaluedMap<String, String> form) {
        String ref = form.getFirst("loanRef") == null ? "" : form.getFirst("loanRef").strip();
        Map<String, Object> body = new HashMap<>();
        putNumber(body, "outstanding", form.getFirst("outstanding"));
        putNumber(body, "overdueDays", form.getFirst("overdueDays"));
        return afterLoanCall(ref.isEmpty() ? null : api.post(Api.GATEWAY, "/api/v1/loans/" + ref + "/status", body));
    }

    private Response afterLoanCall(ApiAnswer answer) {
        if (answer != null && answer.ok()) {
            return Response.seeOther(URI.create("/console/loans?reported=1")).build();
        }
        TemplateInstance again = loans(null);
        if (answer == null) {
            return Response.status(400).entity(again.data("notice", null).data("problem", null)
                    .data("intro", page.word("lend.loanRefMissing"))).build();
        }
        return Response.status(answer.pageStatus()).entity(again.data("problem", answer)).build();
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

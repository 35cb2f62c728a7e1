package org.ruralcredit.console.rest;

import java.net.URI;
import java.util.ArrayList;
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
import org.ruralcredit.console.service.PlatformApi;

/**
 * Announcing the files again (重新发布档案), for the credit administrator: a division picked by its
 * name, then the run's progress, refreshing itself until every file is announced. A run already
 * going on is named with a link to it.
 */
@Path("/console/announcements")
@Produces(MediaType.TEXT_HTML)
public class AnnouncementPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Divisions divisions;
    private final Template formPage;
    private final Template runPage;

    public AnnouncementPages(
            PlatformApi api,
            ConsolePage page,
            Divisions divisions,
            @Location("console/announcements.html") Template formPage,
            @Location("console/announcement.html") Template runPage) {
        this.api = api;
        this.page = page;
        this.divisions = divisions;
        this.formPage = formPage;
        this.runPage = runPage;
    }

    @GET
    public TemplateInstance form() {
        return form(null).data("problem", null).data("runningId", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("division") String division) {
        String code = division == null ? "" : division.strip();
        ApiAnswer answer = api.registry(r -> r.startAnnouncement(Map.of("division", code)));
        if (answer.ok()) {
            return Response.seeOther(URI.create(
                            "/console/announcements/" + answer.json().path("id").asText() + "?notice=started"))
                    .build();
        }
        JsonNode problem = answer.json();
        String running = "announcement.running".equals(problem.path("code").asText())
                ? problem.path("args").path("id").asText(null)
                : null;
        return Response.status(answer.pageStatus())
                .entity(form(code).data("problem", answer).data("runningId", running))
                .build();
    }

    @GET
    @Path("{id}")
    public Response run(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        ApiAnswer run = api.registry(r -> r.announcement(id));
        TemplateInstance view = runView(runPage, id, run)
                .data("notice", "started".equals(notice) ? page.word("announce.started") : null);
        return Response.status(run.ok() ? 200 : run.pageStatus()).entity(view).build();
    }

    /** The progress htmx swaps in every two seconds while the run goes on. */
    @GET
    @Path("{id}/progress")
    public TemplateInstance progress(@PathParam("id") UUID id) {
        return runView(runPage.getFragment("progress"), id, api.registry(r -> r.announcement(id)));
    }

    private TemplateInstance form(String division) {
        return page.render(formPage, "nav.announcements")
                .data(
                        "groups",
                        divisions.countyTownshipsAndVillages(
                                divisions.county(page.user()),
                                page.word("campaign.county"),
                                page.word("campaign.wholeTownship")))
                .data("division", division == null ? "" : division);
    }

    private TemplateInstance runView(Template template, UUID id, ApiAnswer answer) {
        JsonNode run = answer.json();
        String status = answer.ok() ? run.path("status").asText() : "";
        long total = run.path("filesTotal").asLong();
        long announced = run.path("filesAnnounced").asLong();
        long percent = total == 0 ? ("DONE".equals(status) ? 100 : 0) : Math.min(100, announced * 100 / total);
        List<Map<String, String>> facts = new ArrayList<>();
        if (answer.ok()) {
            facts.add(fact(
                    "announce.division", divisions.fullName(run.path("division").asText())));
            facts.add(fact("announce.progress", announced + " / " + total));
            facts.add(fact(
                    "announce.startedBy",
                    run.path("startedBy").asText() + " · " + Cells.cell(run, "startedAt", page::word)));
            if (run.path("finishedAt").isTextual()) {
                facts.add(fact("announce.finishedAt", Cells.cell(run, "finishedAt", page::word)));
            }
        }
        return page.render(template, "announce.title")
                .data("id", id.toString())
                .data("facts", facts)
                .data("percent", percent)
                .data("moving", "RUNNING".equals(status))
                .data("status", status)
                .data("statusLabel", status.isEmpty() ? "" : page.word("job." + status))
                .data("problem", answer.ok() ? null : answer)
                .data("notice", null);
    }

    private Map<String, String> fact(String key, String value) {
        return Map.of("label", page.word(key), "value", value == null ? "" : value);
    }
}

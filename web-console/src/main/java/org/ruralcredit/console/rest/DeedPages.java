package org.ruralcredit.console.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
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

import org.ruralcredit.console.view.FormJson;
import org.ruralcredit.console.service.Api;
import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.FormState;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The moral bank's four eyes on paper: a village clerk proposes a deed for a household of the
 * village, the township official approves or sends it back; the ledger takes only what was approved.
 */
@Path("/console/deeds")
@Produces(MediaType.TEXT_HTML)
public class DeedPages {

    private static final Set<String> INPUTS = Set.of("householdId", "ruleCode", "deedDate", "description", "evidenceNote");

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template propose;
    private final Template list;

    public DeedPages(PlatformApi api, ConsolePage page, @Location("console/deed-form.html") Template propose,
                     @Location("console/deeds.html") Template list) {
        this.api = api;
        this.page = page;
        this.propose = propose;
        this.list = list;
    }

    @GET
    @Path("new")
    public TemplateInstance blank() {
        return form(FormState.empty(Map.of("deedDate", LocalDate.now().toString())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> submitted) {
        Map<String, String> values = FormState.firstValues(submitted);
        var body = FormJson.of(values);
        body.put("kind", "DEED");
        ApiAnswer answer = api.post(Api.MORALITY, "/api/v1/proposals", body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/deeds?proposed="
                    + answer.json().path("proposal").path("id").asText())).build();
        }
        return Response.status(answer.pageStatus())
                .entity(form(FormState.refused(values, answer, "", INPUTS)).data("problem", answer)).build();
    }

    /** A clerk's own proposals; an official's queue of proposals waiting for a decision. */
    @GET
    public TemplateInstance list(@QueryParam("proposed") String proposed, @QueryParam("decided") String decided) {
        boolean official = page.user().official();
        ApiAnswer answer = official ? api.get(Api.MORALITY, "/api/v1/reviews") : api.get(Api.MORALITY, "/api/v1/proposals");
        return page.render(list, official ? "nav.reviewQueue" : "nav.myProposals")
                .data("items", answer.ok() ? page.plain(answer.json()) : List.of())
                .data("problem", answer.ok() ? null : answer)
                .data("official", official)
                .data("proposed", proposed)
                .data("decided", decided);
    }

    @POST
    @Path("{id}/approval")
    public Response approve(@PathParam("id") UUID id) {
        return decided(id, api.post(Api.MORALITY, "/api/v1/reviews/" + id + "/approval", Map.of()));
    }

    @POST
    @Path("{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        return decided(id, api.post(Api.MORALITY, "/api/v1/reviews/" + id + "/rejection",
                Map.of("reason", reason == null ? "" : reason)));
    }

    private Response decided(UUID id, ApiAnswer answer) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/deeds?decided=" + id)).build();
        }
        return Response.status(answer.pageStatus())
                .entity(list(null, null).data("problem", answer)).build();
    }

    private TemplateInstance form(FormState state) {
        List<Option> households = new ArrayList<>();
        String village = page.user().division();
        if (village != null) {
            ApiAnswer answer = api.get(Api.REGISTRY, "/api/v1/households", Map.of("division", village, "size", 500));
            answer.json().path("items").forEach(h -> households.add(new Option(h.path("id").asText(),
                    h.path("headName").asText() + " · " + h.path("headResidentId").asText())));
        }
        List<Option> rules = new ArrayList<>();
        ApiAnswer catalogue = api.get(Api.MORALITY, "/api/v1/catalogue");
        boolean zh = "zh".equals(page.language());
        catalogue.json().path("rules").forEach(r -> rules.add(new Option(r.path("code").asText(),
                (zh ? r.path("nameZh").asText() : r.path("nameEn").asText()) + " (+" + r.path("points").asInt() + ")")));
        return page.render(propose, "nav.proposeDeed").data("f", state).data("households", households)
                .data("rules", rules).data("problem", null);
    }
}

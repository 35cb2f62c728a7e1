package org.ruralcredit.console.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

import org.ruralcredit.console.view.FormJson;
import org.ruralcredit.console.service.Api;
import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.FormState;
import org.ruralcredit.console.service.HouseholdForm;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Household credit files for township officials and village clerks: list, look up, file, history. */
@Path("/console/households")
@Produces(MediaType.TEXT_HTML)
public class HouseholdPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final HouseholdForm form;
    private final Template list;
    private final Template edit;
    private final Template detail;

    public HouseholdPages(PlatformApi api, ConsolePage page, HouseholdForm form,
                          @Location("console/households.html") Template list,
                          @Location("console/household-form.html") Template edit,
                          @Location("console/household.html") Template detail) {
        this.api = api;
        this.page = page;
        this.form = form;
        this.list = list;
        this.edit = edit;
        this.detail = detail;
    }

    @GET
    public TemplateInstance list(@QueryParam("division") String division, @QueryParam("page") @DefaultValue("0") int number) {
        String scope = division == null || division.isBlank() ? page.user().division() : division;
        ApiAnswer answer = scope == null ? null
                : api.get(Api.REGISTRY, "/api/v1/households", Map.of("division", scope, "page", number, "size", 50));
        return page.render(list, "households.title")
                .data("division", scope == null ? "" : scope)
                .data("answer", answer == null ? null : page.plain(answer.json()))
                .data("problem", answer == null || answer.ok() ? null : answer)
                .data("page", number);
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookup(@FormParam("residentId") String residentId) {
        ApiAnswer answer = api.post(Api.REGISTRY, "/api/v1/households/lookup", Map.of("residentId",
                residentId == null ? "" : residentId.strip()));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/households/" + answer.json().path("id").asText())).build();
        }
        return Response.ok(page.render(list, "households.title").data("division", page.user().division())
                .data("answer", null).data("problem", answer).data("page", 0)).build();
    }

    @GET
    @Path("new")
    public TemplateInstance blank() {
        return form(FormState.empty(form.defaults(LocalDate.now())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        Map<String, String> values = FormState.firstValues(submitted);
        String reason = values.remove("reason");
        Map<String, Object> body = new HashMap<>();
        body.put("file", FormJson.of(form.withoutEmptyGroups(values)));
        body.put("reason", reason == null || reason.isBlank() ? page.word("households.defaultReason") : reason);
        ApiAnswer answer = api.post(Api.REGISTRY, "/api/v1/households", body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/households/" + answer.json().path("id").asText() + "?created=1"))
                    .build();
        }
        values.put("reason", reason == null ? "" : reason);
        FormState state = FormState.refused(values, answer, "file.", form.inputs());
        return Response.status(answer.pageStatus()).entity(form(state).data("problem", answer)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(@PathParam("id") UUID id, @QueryParam("created") String created) {
        ApiAnswer household = api.get(Api.REGISTRY, "/api/v1/households/" + id);
        ApiAnswer revisions = household.ok() ? api.get(Api.REGISTRY, "/api/v1/households/" + id + "/revisions") : null;
        ApiAnswer rating = household.ok() ? api.get(Api.RATING, "/api/v1/households/" + id + "/rating") : null;
        return page.render(detail, "household.title")
                .data("h", household.ok() ? page.plain(household.json()) : null)
                .data("problem", household.ok() ? null : household)
                .data("revisions", revisions != null && revisions.ok() ? page.plain(revisions.json()) : List.of())
                .data("rating", rating != null && rating.ok() ? page.plain(rating.json()) : null)
                .data("created", "1".equals(created));
    }

    private TemplateInstance form(FormState state) {
        List<Option> villages = new ArrayList<>();
        String division = page.user().division();
        if (division != null && division.length() == 9) {
            ApiAnswer children = api.get(Api.REGISTRY, "/api/v1/divisions/" + division + "/children");
            if (children.ok()) {
                children.json().forEach(v -> villages.add(new Option(v.path("code").asText(),
                        v.path("name").asText() + " " + v.path("code").asText())));
            }
        }
        return page.render(edit, "households.new")
                .data("f", state)
                .data("villages", villages)
                .data("rows", form.memberRows())
                .data("o", form.options(page::word))
                .data("problem", null);
    }
}

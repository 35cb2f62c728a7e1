package org.ruralcredit.console.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.ruralcredit.console.service.Api;
import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.Desk;
import org.ruralcredit.console.service.Desk.Input;
import org.ruralcredit.console.service.PlatformApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Pages that look over the platform rather than change it: the auditor's query register with
 * filters and chain verification, and the villages' figures and file coverage for officials and clerks.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OversightPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template desk;

    public OversightPages(PlatformApi api, ConsolePage page, @Location("console/desk.html") Template desk) {
        this.api = api;
        this.page = page;
        this.desk = desk;
    }

    /** The register a page at a time (newest first); the filters narrow the page shown. */
    @GET
    @Path("register")
    public TemplateInstance register(@QueryParam("page") String number, @QueryParam("username") String username,
                                     @QueryParam("institution") String institution, @QueryParam("outcome") String outcome,
                                     @QueryParam("verify") String verify) {
        Desk.Form filters = new Desk.Form("register-filter", "/console/register", "get", false, List.of(
                Input.of("page", page.word("register.page"), "number", number == null ? "0" : number),
                Input.text("username", page.word("register.user"), username),
                Input.text("institution", page.word("user.institution"), institution),
                Input.text("outcome", page.word("register.outcome"), outcome)), page.word("action.show"));
        Desk.Form check = new Desk.Form("register-verify", "/console/register", "get", false,
                List.of(Input.of("verify", "", "hidden", "1")), page.word("register.verify"));
        ApiAnswer entries = api.get(Api.GATEWAY, "/api/v1/query-register",
                Map.of("page", number == null || number.isBlank() ? "0" : number, "size", 500));
        ArrayNode shown = JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : entries.json().path("items")) {
            if (matches(e, "username", username) && matches(e, "institution", institution) && matches(e, "outcome", outcome)) {
                shown.add(e);
            }
        }
        Desk.Table table = Desk.table("register", null, shown, Desk.columns(page::word, "seq", "register.seq",
                        "recordedAt", "table.time", "username", "register.user", "institution", "user.institution",
                        "subjectType", "consent.subjectType", "subjectRef", "consent.subjectId", "purpose", "consent.purpose",
                        "outcome", "register.outcome"),
                null, null, null, page.word("table.empty"), page::word);
        String notice = null;
        ApiAnswer verification = null;
        if (verify != null) {
            verification = api.get(Api.GATEWAY, "/api/v1/query-register/verification");
            if (verification.ok()) {
                JsonNode v = verification.json();
                notice = v.path("valid").asBoolean()
                        ? page.word("register.intact") + " " + v.path("entriesChecked").asLong()
                        : page.word("register.broken") + " " + v.path("firstBrokenSeq").asText() + " " + v.path("problem").asText("");
            }
        }
        return page.desk(desk, "nav.register", "register.intro", notice, ConsolePage.firstRefusal(entries, verification),
                List.of(filters, check), List.of(table));
    }

    private static boolean matches(JsonNode entry, String field, String wanted) {
        return wanted == null || wanted.isBlank() || entry.path(field).asText().toLowerCase().contains(wanted.strip().toLowerCase());
    }

    /** Coverage of the user's township (per village) or village: households with files over the village profile's households. */
    @GET
    @Path("villages")
    public TemplateInstance villages(@QueryParam("division") String division) {
        String code = division == null || division.isBlank() ? page.user().division() : division.strip();
        Desk.Form form = new Desk.Form("coverage-form", "/console/villages", "get", false,
                List.of(Input.text("division", page.word("households.division"), code)), page.word("action.show"));
        ApiAnswer coverage = code == null ? null : api.get(Api.REGISTRY, "/api/v1/coverage/" + code);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        if (coverage != null && coverage.ok()) {
            rows.add(coverage.json());
            coverage.json().path("parts").forEach(rows::add);
        }
        Desk.Table table = Desk.table("coverage", null, rows, Desk.columns(page::word, "code", "households.division",
                        "name", "charts.village", "totalHouseholds", "charts.total", "filed", "charts.filed",
                        "coverage", "charts.coverageRate"),
                null, null, null, page.word("table.empty"), page::word);
        return page.desk(desk, "nav.villages", "villages.intro", null, ConsolePage.firstRefusal(coverage), List.of(form),
                List.of(table));
    }
}

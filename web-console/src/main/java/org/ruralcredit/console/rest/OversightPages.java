package org.ruralcredit.console.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.Desk;
import org.ruralcredit.console.service.Desk.Input;
import org.ruralcredit.console.service.FormState;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.service.Villages;
import org.ruralcredit.console.view.FormJson;
import org.ruralcredit.console.view.Formats;
import org.ruralcredit.console.view.Hashes;

/**
 * Pages that look over the platform rather than change it: the auditor's query register with
 * filters and chain verification, and the villages' figures and file coverage for officials and clerks.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OversightPages {

    /** The register's API pages at most read for one filtered view (newest first, 500 a page). */
    static final int REGISTER_PAGES = 20;

    static final int REGISTER_PAGE_SIZE = 500;
    private static final List<String> PURPOSES =
            List.of("LOAN_APPLICATION", "POST_LOAN_MANAGEMENT", "GUARANTEE_REVIEW", "MARKETING_LIST");

    private final PlatformApi api;
    private final ConsolePage page;
    private final Villages villages;
    private final Template desk;
    private final Template villagePage;
    private final Template profileForm;

    public OversightPages(
            PlatformApi api,
            ConsolePage page,
            Villages villages,
            @Location("console/desk.html") Template desk,
            @Location("console/villages.html") Template villagePage,
            @Location("console/village-profile.html") Template profileForm) {
        this.api = api;
        this.page = page;
        this.villages = villages;
        this.desk = desk;
        this.villagePage = villagePage;
        this.profileForm = profileForm;
    }

    /**
     * The register filtered by outcome, purpose, days (China's calendar; today by default), person
     * and institution. The register's API pages newest first without filters, so the console reads
     * pages until it is past the first day asked for (at most {@link #REGISTER_PAGES} pages).
     */
    @GET
    @Path("register")
    public TemplateInstance register(
            @QueryParam("outcome") String outcome,
            @QueryParam("purpose") String purpose,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("username") String username,
            @QueryParam("institution") String institution,
            @QueryParam("verify") String verify) {
        LocalDate today = page.today();
        LocalDate first = date(from, today);
        LocalDate last = date(to, today);
        if (last.isBefore(first)) {
            LocalDate swap = first;
            first = last;
            last = swap;
        }
        String wantedOutcome = "GRANTED".equals(outcome) || "REFUSED".equals(outcome) ? outcome : "";
        String wantedPurpose = purpose != null && PURPOSES.contains(purpose) ? purpose : "";
        List<Option> outcomes = List.of(
                new Option("", page.word("register.all")),
                new Option("GRANTED", page.word("register.granted")),
                new Option("REFUSED", page.word("register.refused")));
        List<Option> purposes = new ArrayList<>();
        purposes.add(new Option("", page.word("register.all")));
        PURPOSES.forEach(p -> purposes.add(new Option(p, page.word("label." + p))));
        Desk.Form filters = new Desk.Form(
                "register-filter",
                "/console/register",
                "get",
                false,
                List.of(
                        Input.choice("outcome", page.word("register.outcome"), wantedOutcome, outcomes),
                        Input.choice("purpose", page.word("consent.purpose"), wantedPurpose, purposes),
                        Input.of("from", page.word("register.from"), "date", first.toString()),
                        Input.of("to", page.word("register.to"), "date", last.toString()),
                        Input.text("username", page.word("register.user"), username),
                        Input.text("institution", page.word("user.institution"), institution)),
                page.word("action.show"));
        Desk.Form check = new Desk.Form(
                "register-verify",
                "/console/register",
                "get",
                false,
                List.of(Input.of("verify", "", "hidden", "1")),
                page.word("register.verify"));

        ArrayNode shown = JsonNodeFactory.instance.arrayNode();
        ApiAnswer refusal = null;
        boolean cut = false;
        read:
        for (int n = 0; n < REGISTER_PAGES; n++) {
            int number = n;
            ApiAnswer entries = api.gateway(g -> g.queryRegister(number, REGISTER_PAGE_SIZE));
            if (!entries.ok()) {
                refusal = entries;
                break;
            }
            JsonNode items = entries.json().path("items");
            for (JsonNode e : items) {
                LocalDate day = chinaDay(e.path("recordedAt").asText());
                if (day != null && day.isBefore(first)) {
                    break read;
                }
                if (day != null
                        && !day.isAfter(last)
                        && matches(e, "outcome", wantedOutcome, true)
                        && matches(e, "purpose", wantedPurpose, true)
                        && matches(e, "username", username, false)
                        && matches(e, "institution", institution, false)) {
                    ObjectNode row = ((ObjectNode) e).deepCopy();
                    row.put("subjectRef", Hashes.shortened(e.path("subjectRef").asText("")));
                    shown.add(row);
                }
            }
            if (items.size() < REGISTER_PAGE_SIZE) {
                break;
            }
            cut = n == REGISTER_PAGES - 1;
        }
        Desk.Table table = Desk.table(
                "register",
                page.word("register.found") + " " + shown.size(),
                shown,
                Desk.columns(
                        page::word,
                        "seq",
                        "register.seq",
                        "recordedAt",
                        "table.time",
                        "username",
                        "register.user",
                        "institution",
                        "user.institution",
                        "subjectType",
                        "consent.subjectType",
                        "subjectRef",
                        "register.subjectDigest",
                        "purpose",
                        "consent.purpose",
                        "outcome",
                        "register.outcome"),
                null,
                null,
                null,
                page.word("register.none"),
                page::word);
        String notice = cut ? page.word("register.cut") : null;
        ApiAnswer verification = null;
        if (verify != null) {
            verification = api.gateway(g -> g.queryRegisterVerification());
            if (verification.ok()) {
                JsonNode v = verification.json();
                notice = v.path("valid").asBoolean()
                        ? page.word("register.intact") + " "
                                + Formats.count(v.path("entriesChecked").asLong()) + page.word("register.intactAfter")
                        : page.word("register.broken") + " "
                                + v.path("firstBrokenSeq").asText() + page.word("register.brokenAfter");
            }
        }
        return page.desk(
                desk,
                "nav.register",
                "register.intro",
                notice,
                ConsolePage.firstRefusal(refusal, verification),
                List.of(filters, check),
                List.of(table));
    }

    private static LocalDate date(String text, LocalDate fallback) {
        try {
            return text == null || text.isBlank() ? fallback : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** The day in China an instant of the register falls on, or null when it is not one. */
    static LocalDate chinaDay(String iso) {
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(Formats.CHINA).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean matches(JsonNode entry, String field, String wanted, boolean exact) {
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        String value = entry.path(field).asText();
        return exact
                ? value.equals(wanted)
                : value.toLowerCase(Locale.ROOT).contains(wanted.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Coverage of the user's township (per village) or village: active files over the households
     * of the villages' profiles. Files of villages without a profile are counted apart, so filed
     * never exceeds the households counted and the rate is filed ÷ households.
     */
    @GET
    @Path("villages")
    public TemplateInstance villages(@QueryParam("saved") String saved) {
        String code = villages.home();
        ApiAnswer coverage = code == null ? null : api.registry(r -> r.coverage(code));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> whole = null;
        boolean notCounted = false;
        if (coverage != null && coverage.ok()) {
            JsonNode c = coverage.json();
            whole = line(c);
            notCounted = c.path("filedNotCounted").asLong(0) > 0;
            for (JsonNode part : c.path("parts")) {
                rows.add(line(part));
                notCounted |= part.path("filedNotCounted").asLong(0) > 0;
            }
        }
        return page.render(villagePage, "nav.villages")
                .data("whole", whole)
                .data("rows", rows)
                .data("township", code != null && code.length() == 9)
                .data("notCounted", notCounted)
                .data("saved", saved == null ? null : villages.name(saved))
                .data("problem", coverage == null || coverage.ok() ? null : coverage);
    }

    /** A village's figures (村情) as the township's official enters them: households, population, as of when. */
    @GET
    @Path("villages/{code: \\d{12}}/profile")
    public TemplateInstance profile(@PathParam("code") String code) {
        ApiAnswer current = api.registry(r -> r.villageProfile(code));
        Map<String, String> values = new HashMap<>();
        values.put("figuresAsOf", page.today().toString());
        values.put("expectedRevision", "0");
        if (current.ok()) {
            JsonNode p = current.json();
            for (String f : List.of("totalHouseholds", "population", "committeeContact")) {
                if (p.hasNonNull(f)) {
                    values.put(f, p.path(f).asText());
                }
            }
            values.put("expectedRevision", p.path("revision").asText("0"));
        }
        return profilePage(code, FormState.empty(values), current.ok() || current.status() == 404 ? null : current);
    }

    @POST
    @Path("villages/{code: \\d{12}}/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(@PathParam("code") String code, MultivaluedMap<String, String> submitted) {
        Map<String, String> values = FormState.firstValues(submitted);
        ObjectNode body = FormJson.of(values);
        ApiAnswer answer = api.registry(r -> r.saveVillageProfile(code, body));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/villages?saved=" + code))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(profilePage(code, FormState.refused(values, answer, "", PROFILE_INPUTS), answer))
                .build();
    }

    private static final Set<String> PROFILE_INPUTS =
            Set.of("totalHouseholds", "population", "figuresAsOf", "committeeContact", "reason");

    private TemplateInstance profilePage(String code, FormState state, ApiAnswer problem) {
        return page.render(profileForm, "villages.profileTitle")
                .data("code", code)
                .data("villageName", villages.name(code))
                .data("f", state)
                .data("problem", problem);
    }

    private Map<String, Object> line(JsonNode c) {
        Map<String, Object> row = new LinkedHashMap<>();
        String code = c.path("code").asText();
        row.put("code", code);
        row.put("name", c.path("name").asText(villages.name(code)));
        row.put("filed", c.path("filed").asLong(0));
        row.put("filedNotCounted", c.path("filedNotCounted").asLong(0));
        row.put(
                "total",
                c.path("totalHouseholds").isNumber() ? c.path("totalHouseholds").asLong() : null);
        row.put(
                "coverage",
                c.path("coverage").isNumber()
                        ? Formats.fractionAsPercent(c.path("coverage").decimalValue())
                        : null);
        return row;
    }
}

package org.ruralcredit.console.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
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
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.Cells;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.FormState;
import org.ruralcredit.console.service.Option;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.view.Pager;

/**
 * A loan officer's way to a report: record the borrower's signed consent (the letter's SHA-256 is
 * taken from the scanned letter itself), then open the report under it, picked from the gateway's
 * list of the officer's own consents (or the institution's), newest first, a page at a time, or by
 * its number. Beside it the officer's own report requests as the query register holds them: reports
 * are not kept, so a request is shown, not reopened. The gateway registers the query before anything
 * else; a refusal is shown with its reason, nothing of the subject; the report is the console's
 * readable, printable page.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class LenderPages {

    private static final Set<String> CONSENT_INPUTS =
            Set.of("subjectType", "subjectId", "purpose", "signedOn", "expiresOn", "letter");
    private static final Set<String> REPORT_INPUTS = Set.of("consentId", "purpose");
    private static final Set<String> CONSENT_STATUSES = Set.of("ACTIVE", "USED", "REVOKED", "EXPIRED");
    static final int CONSENTS_PER_PAGE = 10;
    static final int REQUESTS_SHOWN = 10;

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template consentForm;
    private final Template consent;
    private final Template reportForm;
    private final ReportView reports;

    public LenderPages(
            PlatformApi api,
            ConsolePage page,
            @Location("console/consent-form.html") Template consentForm,
            @Location("console/consent.html") Template consent,
            @Location("console/report-form.html") Template reportForm,
            ReportView reports) {
        this.reports = reports;
        this.api = api;
        this.page = page;
        this.consentForm = consentForm;
        this.consent = consent;
        this.reportForm = reportForm;
    }

    @GET
    @Path("consents/new")
    public TemplateInstance newConsent() {
        LocalDate today = page.today();
        return consentForm(FormState.empty(Map.of(
                "subjectType",
                "HOUSEHOLD",
                "purpose",
                "LOAN_APPLICATION",
                "signedOn",
                today.toString(),
                "expiresOn",
                today.plusDays(30).toString())));
    }

    @POST
    @Path("consents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response recordConsent(
            @RestForm String subjectType,
            @RestForm String subjectId,
            @RestForm String purpose,
            @RestForm String signedOn,
            @RestForm String expiresOn,
            @RestForm("letter") FileUpload letter)
            throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("subjectType", blankToEmpty(subjectType));
        values.put("subjectId", blankToEmpty(subjectId).strip());
        values.put("purpose", blankToEmpty(purpose));
        values.put("signedOn", blankToEmpty(signedOn));
        values.put("expiresOn", blankToEmpty(expiresOn));
        if (letter == null || letter.uploadedFile() == null || letter.size() == 0) {
            return Response.status(400)
                    .entity(consentForm(
                            new FormState(values, Map.of("letter", page.word("consent.letterMissing")), List.of())))
                    .build();
        }
        Map<String, Object> body = new HashMap<>(values);
        body.values().removeIf(v -> v == null || v.toString().isBlank());
        body.put("letterSha256", sha256(letter.uploadedFile()));
        ApiAnswer answer = api.gateway(g -> g.recordConsent(body));
        if (answer.ok()) {
            String id = answer.json().path("id").asText();
            return Response.seeOther(URI.create("/console/consents/" + id)).build();
        }
        return Response.status(answer.pageStatus())
                .entity(consentForm(FormState.refused(values, answer, "", CONSENT_INPUTS))
                        .data("problem", answer))
                .build();
    }

    @GET
    @Path("consents/{id}")
    public TemplateInstance consent(@PathParam("id") UUID id) {
        ApiAnswer answer = api.gateway(g -> g.consent(id));
        return page.render(consent, "consent.title")
                .data("c", answer.ok() ? consentView(answer.json()) : null)
                .data("problem", answer.ok() ? null : answer);
    }

    @GET
    @Path("reports")
    public TemplateInstance reportForm(
            @QueryParam("consentId") String consentId,
            @QueryParam("purpose") String purpose,
            @QueryParam("page") String page,
            @QueryParam("status") String status,
            @QueryParam("all") String all) {
        return reportForm(
                FormState.empty(Map.of(
                        "consentId",
                        blankToEmpty(consentId),
                        "purpose",
                        purpose == null ? "LOAN_APPLICATION" : purpose)),
                new Listed(page, status, all));
    }

    /** The printable report itself (the gateway's own page), or the form again with the refusal. */
    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openReport(@RestForm String consentId, @RestForm String purpose) {
        Map<String, String> values =
                Map.of("consentId", blankToEmpty(consentId).strip(), "purpose", blankToEmpty(purpose));
        Map<String, Object> body = new HashMap<>();
        body.put("consentId", values.get("consentId").isEmpty() ? null : values.get("consentId"));
        body.put("purpose", values.get("purpose").isEmpty() ? null : values.get("purpose"));
        ApiAnswer answer = api.gateway(g -> g.householdReport(body));
        if (answer.ok()) {
            return Response.ok(reports.page(answer.json())).build();
        }
        return Response.status(answer.pageStatus())
                .entity(reportForm(
                                FormState.refused(new HashMap<>(values), answer, "", REPORT_INPUTS),
                                new Listed(null, null, null))
                        .data("problem", answer))
                .build();
    }

    private TemplateInstance consentForm(FormState state) {
        return page.render(consentForm, "nav.consent")
                .data("f", state)
                .data("problem", null)
                .data("subjectTypes", options("subject", "HOUSEHOLD", "FIRM"))
                .data("purposes", purposes());
    }

    /** Which part of the consent list a page shows: a page number, a status, the officer's own or the institution's. */
    @TemplateData
    public record Listed(int page, String status, boolean all) {

        Listed(String page, String status, String all) {
            this(
                    page != null && page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0,
                    status != null && CONSENT_STATUSES.contains(status) ? status : "",
                    "true".equals(all));
        }
    }

    private TemplateInstance reportForm(FormState state, Listed listed) {
        List<Map<String, Object>> consents = new ArrayList<>();
        Pager pager = Pager.of(0, listed.page(), CONSENTS_PER_PAGE);
        ApiAnswer listing = api.gateway(
                g -> g.consents(PlatformApi.given(listed.status()), !listed.all(), listed.page(), CONSENTS_PER_PAGE));
        if (listing.ok()) {
            listing.json().path("items").forEach(c -> consents.add(consentView(c)));
            pager = Pager.of(listing.json().path("total").asLong(), listed.page(), CONSENTS_PER_PAGE);
        }
        List<Map<String, Object>> requests = new ArrayList<>();
        ApiAnswer asked = api.gateway(g -> g.reportRequests(0, REQUESTS_SHOWN));
        if (asked.ok()) {
            asked.json().path("items").forEach(r -> requests.add(requestView(r)));
        }
        return page.render(reportForm, "nav.report")
                .data("f", state)
                .data("problem", null)
                .data("purposes", purposes())
                .data("consents", consents)
                .data("consentsAnswered", listing.ok())
                .data("pager", pager)
                .data("listed", listed)
                .data(
                        "statuses",
                        Stream.of("ACTIVE", "USED", "REVOKED", "EXPIRED")
                                .map(v -> new Option(v, page.word("consent.status." + v)))
                                .toList())
                .data("requests", requests)
                .data("requestsAnswered", asked.ok());
    }

    /** A report request as the register holds it: when, about whom (masked), why, and how it was decided. */
    private Map<String, Object> requestView(JsonNode r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("registerSeq", r.path("registerSeq").asText());
        v.put("requestedAt", r.path("requestedAt").asText());
        v.put("subject", r.path("subject").isTextual() ? r.path("subject").asText() : "");
        v.put("subjectType", Cells.cell(r, "subjectType", page::word));
        v.put("purposeLabel", Cells.cell(r, "purpose", page::word));
        v.put("outcome", Cells.cell(r, "outcome", page::word));
        // the register's refusal code in words; a code the console has no words for yet stays as it is
        String refusal = r.path("refusal").isTextual() ? r.path("refusal").asText() : "";
        String refusalWords = refusal.isEmpty() ? "" : page.word("report.refusal." + refusal);
        v.put("refusal", refusalWords.startsWith("report.refusal.") ? refusal : refusalWords);
        v.put("consentId", r.path("consentId").isTextual() ? r.path("consentId").asText() : "");
        return v;
    }

    /** A consent as the pages show it: codes by their labels, dates as they are, instants in China's time. */
    private Map<String, Object> consentView(JsonNode c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.path("id").asText());
        v.put("subject", c.path("subject").asText());
        v.put("subjectType", Cells.cell(c, "subjectType", page::word));
        v.put("purpose", c.path("purpose").asText());
        v.put("purposeLabel", Cells.cell(c, "purpose", page::word));
        v.put("signedOn", c.path("signedOn").asText());
        v.put("expiresOn", c.path("expiresOn").asText());
        v.put("status", c.path("status").asText());
        v.put("statusLabel", page.word("consent.status." + c.path("status").asText()));
        v.put("recordedAt", c.path("recordedAt").asText());
        v.put("recordedBy", c.path("recordedBy").asText());
        v.put("usedAt", Cells.cell(c, "usedAt", page::word));
        v.put("usable", "ACTIVE".equals(c.path("status").asText()));
        return v;
    }

    private List<Option> purposes() {
        return options("purpose", "LOAN_APPLICATION", "POST_LOAN_MANAGEMENT", "GUARANTEE_REVIEW");
    }

    private List<Option> options(String kind, String... values) {
        return Arrays.stream(values)
                .map(v -> new Option(v, page.word("enum." + kind + "." + v)))
                .toList();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The letter's fingerprint, as the consent records it (the letter itself stays with the lender). */
    static String sha256(java.nio.file.Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

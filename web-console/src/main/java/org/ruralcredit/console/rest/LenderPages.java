package org.ruralcredit.console.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
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
 * A loan officer's way to a report: record the borrower's signed consent (the letter's SHA-256 is
 * taken from the scanned letter itself), then open the report under it. The gateway registers the
 * query before anything else; a refusal is shown with its reason, nothing of the subject.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class LenderPages {

    private static final Set<String> CONSENT_INPUTS = Set.of("subjectType", "subjectId", "purpose", "signedOn",
            "expiresOn", "letter");
    private static final Set<String> REPORT_INPUTS = Set.of("consentId", "purpose");

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template consentForm;
    private final Template consent;
    private final Template reportForm;

    public LenderPages(PlatformApi api, ConsolePage page, @Location("console/consent-form.html") Template consentForm,
                       @Location("console/consent.html") Template consent,
                       @Location("console/report-form.html") Template reportForm) {
        this.api = api;
        this.page = page;
        this.consentForm = consentForm;
        this.consent = consent;
        this.reportForm = reportForm;
    }

    @GET
    @Path("consents/new")
    public TemplateInstance newConsent() {
        LocalDate today = LocalDate.now();
        return consentForm(FormState.empty(Map.of("subjectType", "HOUSEHOLD", "purpose", "LOAN_APPLICATION",
                "signedOn", today.toString(), "expiresOn", today.plusDays(30).toString())));
    }

    @POST
    @Path("consents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response recordConsent(@RestForm String subjectType, @RestForm String subjectId, @RestForm String purpose,
                                  @RestForm String signedOn, @RestForm String expiresOn, @RestForm("letter") FileUpload letter)
            throws IOException {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("subjectType", blankToEmpty(subjectType));
        values.put("subjectId", blankToEmpty(subjectId).strip());
        values.put("purpose", blankToEmpty(purpose));
        values.put("signedOn", blankToEmpty(signedOn));
        values.put("expiresOn", blankToEmpty(expiresOn));
        if (letter == null || letter.uploadedFile() == null || letter.size() == 0) {
            return Response.status(400).entity(consentForm(new FormState(values,
                    Map.of("letter", page.word("consent.letterMissing")), List.of()))).build();
        }
        Map<String, Object> body = new java.util.HashMap<>(values);
        body.values().removeIf(v -> v == null || v.toString().isBlank());
        body.put("letterSha256", sha256(letter.uploadedFile()));
        ApiAnswer answer = api.post(Api.GATEWAY, "/api/v1/consents", body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/console/consents/" + answer.json().path("id").asText())).build();
        }
        return Response.status(answer.pageStatus())
                .entity(consentForm(FormState.refused(values, answer, "", CONSENT_INPUTS)).data("problem", answer)).build();
    }

    @GET
    @Path("consents/{id}")
    public TemplateInstance consent(@PathParam("id") UUID id) {
        ApiAnswer answer = api.get(Api.GATEWAY, "/api/v1/consents/" + id);
        return page.render(consent, "consent.title").data("c", answer.ok() ? page.plain(answer.json()) : null)
                .data("problem", answer.ok() ? null : answer);
    }

    @GET
    @Path("reports")
    public TemplateInstance reportForm(@QueryParam("consentId") String consentId, @QueryParam("purpose") String purpose) {
        return reportForm(FormState.empty(Map.of("consentId", blankToEmpty(consentId),
                "purpose", purpose == null ? "LOAN_APPLICATION" : purpose)));
    }

    /** The printable report itself (the gateway's own page), or the form again with the refusal. */
    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openReport(@RestForm String consentId, @RestForm String purpose) {
        Map<String, String> values = Map.of("consentId", blankToEmpty(consentId).strip(), "purpose", blankToEmpty(purpose));
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("consentId", values.get("consentId").isEmpty() ? null : values.get("consentId"));
        body.put("purpose", values.get("purpose").isEmpty() ? null : values.get("purpose"));
        ApiAnswer answer = api.post(Api.GATEWAY, "/api/v1/reports/households", body, MediaType.TEXT_HTML);
        if (answer.ok()) {
            return Response.ok(answer.raw(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.status(answer.pageStatus())
                .entity(reportForm(FormState.refused(new java.util.HashMap<>(values), answer, "", REPORT_INPUTS))
                        .data("problem", answer)).build();
    }

    private TemplateInstance consentForm(FormState state) {
        return page.render(consentForm, "nav.consent").data("f", state).data("problem", null)
                .data("subjectTypes", options("subject", "HOUSEHOLD", "FIRM")).data("purposes", purposes());
    }

    private TemplateInstance reportForm(FormState state) {
        return page.render(reportForm, "nav.report").data("f", state).data("problem", null).data("purposes", purposes());
    }

    private List<Option> purposes() {
        return options("purpose", "LOAN_APPLICATION", "POST_LOAN_MANAGEMENT", "GUARANTEE_REVIEW");
    }

    private List<Option> options(String kind, String... values) {
        return java.util.Arrays.stream(values).map(v -> new Option(v, page.word("enum." + kind + "." + v))).toList();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The letter's fingerprint, as the consent records it (the letter itself stays with the lender). */
    static String sha256(java.nio.file.Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

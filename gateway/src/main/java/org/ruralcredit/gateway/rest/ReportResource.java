package org.ruralcredit.gateway.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.ratelimit.RateLimited;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.QueryRules;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.service.FirmReportService;
import org.ruralcredit.gateway.service.HouseholdReport;
import org.ruralcredit.gateway.service.HouseholdReportService;
import org.ruralcredit.gateway.service.OwnReportRequests;
import org.ruralcredit.gateway.service.RegisterGroupCommit;
import org.ruralcredit.gateway.service.ReportAdmission;
import org.ruralcredit.gateway.service.ReportRequestService;
import org.ruralcredit.gateway.service.ReportRequestService.Asker;
import org.ruralcredit.gateway.service.ReportRequestService.Decision;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Credit reports for lenders: consent first, registered before any data")
public class ReportResource {

    public record ReportRequest(
            @NotNull(message = "{field.required}") UUID consentId,
            @NotNull(message = "{purpose.required}") ConsentPurpose purpose) {}

    /** One page of the caller's own report requests, newest first. */
    public record ReportRequestPage(List<OwnReportRequests.ReportRequestView> items, int page, int size, long total) {}

    private final RegisterGroupCommit groupCommit;
    private final HouseholdReportService reports;
    private final Caller caller;
    private final Template householdReport;
    private final FirmReportService firmReports;
    private final ReportAdmission admission;
    private final OwnReportRequests own;
    /**
     * Deciding and registering a request, commit included: the wait for the register's group commit
     * and the batch's transaction, which holds the chain lock throughout.
     */
    private final Timer registering;
    /** Building a granted household report from the read model and the gateway's own records. */
    private final Timer building;

    public ReportResource(
            RegisterGroupCommit groupCommit,
            HouseholdReportService reports,
            Caller caller,
            @Location("householdReport.html") Template householdReport,
            FirmReportService firmReports,
            ReportAdmission admission,
            OwnReportRequests own,
            MeterRegistry meters) {
        this.admission = admission;
        this.registering = Timer.builder("ruralcredit.report.register")
                .description("Deciding and registering a report request: the wait for its batch and the batch's commit"
                        + " (the chain lock held throughout) included")
                .register(meters);
        this.building = Timer.builder("ruralcredit.report.build")
                .description("Building a granted household report once registered")
                .register(meters);
        this.own = own;
        this.groupCommit = groupCommit;
        this.reports = reports;
        this.caller = caller;
        this.householdReport = householdReport;
        this.firmReports = firmReports;
    }

    @GET
    @Operation(
            operationId = "listOwnReportRequests",
            summary = "The caller's own report requests from the query register, newest first",
            description = "Reports are not kept: each request builds one and is registered. This lists the caller's "
                    + "requests (household and firm, granted or refused) with the consent each named and its subject "
                    + "masked; asking again under the consent is a new request.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ReportRequestPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ReportRequestPage list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        OwnReportRequests.Listing listing = own.of(caller, page, size);
        return new ReportRequestPage(listing.items(), page, size, listing.total());
    }

    @POST
    @Path("households")
    @RateLimited("reports")
    @Operation(
            operationId = "requestHouseholdReport",
            summary = "A household's credit report under a consent; every request is registered first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The report as JSON, or as a printable page when text/html is asked for",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdReport.class)),
                @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public HouseholdReport household(@NotNull(message = "{field.required}") @Valid ReportRequest body) {
        return report(body);
    }

    /** The same report (and the same registered query) as a printable page. */
    @POST
    @Path("households")
    @Produces(MediaType.TEXT_HTML)
    @RateLimited("reports")
    @Operation(
            operationId = "requestHouseholdReportPage",
            summary = "The household's credit report as a printable HTML page; registered like the JSON one")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The report as JSON, or as a printable page when text/html is asked for",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdReport.class)),
                @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public TemplateInstance householdPrintable(@NotNull(message = "{field.required}") @Valid ReportRequest body) {
        return householdReport.data("r", report(body));
    }

    @POST
    @Path("firms")
    @RateLimited("reports")
    @Operation(
            operationId = "requestFirmReport",
            summary =
                    "A firm's report under the firm's consent (sme-archive's record and the gateway's own); registered first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The report; sections whose source did not answer are named as missing",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmReportService.FirmReport.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public FirmReportService.FirmReport firm(@NotNull(message = "{field.required}") @Valid ReportRequest body) {
        return admission.within(() -> {
            Decision d = decide(body, SubjectType.FIRM);
            return firmReports.build(
                    d.registerSeq(),
                    d.recordedAt(),
                    d.consent().orElseThrow(),
                    body.purpose().name());
        });
    }

    private HouseholdReport report(ReportRequest body) {
        return admission.within(() -> {
            Decision d = decide(body, SubjectType.HOUSEHOLD);
            return building.record(() -> reports.build(
                    d.registerSeq(),
                    d.recordedAt(),
                    d.consent().orElseThrow(),
                    body.purpose().name()));
        });
    }

    /** Decides and registers a valid request (committed before returning); a refusal is thrown as a 403 problem. */
    private Decision decide(ReportRequest body, SubjectType subjectType) {
        // Committed before this line returns, whatever the outcome.
        Asker asker = Asker.fromToken(caller.username(), caller.institution(), caller.accountType());
        Decision d = registering.record(() -> groupCommit.decide(
                new ReportRequestService.Request(asker, body.consentId(), body.purpose(), subjectType)));
        if (d.refusal().isPresent()) {
            QueryRules.Refusal r = d.refusal().get();
            throw ApiException.of(r.code(), r.argsWithEntry(d.registerSeq()));
        }
        return d;
    }
}

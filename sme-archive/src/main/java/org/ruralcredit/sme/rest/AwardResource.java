package org.ruralcredit.sme.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.sme.domain.AwardCheck;
import org.ruralcredit.sme.domain.AwardDecision;
import org.ruralcredit.sme.service.AwardLog;
import org.ruralcredit.sme.service.AwardService;

@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1")
@Tag(name = "Award checks", description = "Credit checks before awards and listings (守合同重信用, 诚信之星)")
public class AwardResource {

    public record CheckSummary(
            UUID checkId,
            String programme,
            String institution,
            String checkedBy,
            Instant checkedAt,
            int codes,
            int passed) {
        static CheckSummary of(AwardCheck c) {
            return new CheckSummary(
                    c.id, c.programme, c.institution, c.checkedBy, c.checkedAt, c.codeCount, c.passedCount);
        }
    }

    public record LoggedCheck(CheckSummary summary, List<AwardService.CodeResult> results) {}

    public record DecisionView(
            UUID id,
            String uscc,
            String programme,
            String outcome,
            LocalDate decidedOn,
            String institution,
            String recordedBy) {
        static DecisionView of(AwardDecision d) {
            return new DecisionView(d.id, d.uscc, d.programme, d.outcome, d.decidedOn, d.institution, d.recordedBy);
        }
    }

    private final AwardService service;
    private final AwardLog awardLog;

    public AwardResource(AwardService service, AwardLog awardLog) {
        this.service = service;
        this.awardLog = awardLog;
    }

    @POST
    @Path("/award-checks")
    @Operation(
            operationId = "checkAwardCandidates",
            summary = "Check up to 5,000 codes against a programme (gov-agency): pass or fail with reason "
                    + "categories only; the check is logged")
    @APIResponse(
            responseCode = "200",
            description = "Every code's pass or fail; the check is logged under checkId",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AwardService.CheckResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AwardService.CheckResult check(
            @NotNull(message = "{award-check.request-required}") AwardService.CheckRequest request) {
        return service.check(request);
    }

    @GET
    @Path("/award-checks")
    @Operation(
            operationId = "listAwardChecks",
            summary = "The check log, newest first: an agency sees its own checks, an auditor all")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CheckSummary.class)))
    public List<CheckSummary> log(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return awardLog.checks(limit).stream().map(CheckSummary::of).toList();
    }

    @GET
    @Path("/award-checks/{id}")
    @Operation(operationId = "getAwardCheck", summary = "One logged check with its answers")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoggedCheck.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LoggedCheck logged(@PathParam("id") UUID id) {
        AwardCheck check = awardLog.check(id);
        return new LoggedCheck(CheckSummary.of(check), AwardService.resultsOf(check));
    }

    @POST
    @Path("/awards")
    @Operation(
            operationId = "createAwardDecision",
            summary = "Record an award decision (gov-agency): GRANTED, REVOKED or WITHDRAWN; revoked and "
                    + "withdrawn awards start a cooling-off period")
    @APIResponse(
            responseCode = "201",
            description = "The decision is recorded",
            headers =
                    @Header(
                            name = "Location",
                            description = "The decision's address, /api/v1/awards/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response record(@NotNull(message = "{award.decision-required}") AwardService.DecisionData data) {
        AwardDecision d = service.record(data);
        return Response.created(URI.create("/api/v1/awards/" + d.id))
                .entity(DecisionView.of(d))
                .build();
    }
}

package org.ruralcredit.sme.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import org.ruralcredit.sme.domain.FinancingReport;
import org.ruralcredit.sme.service.FinancingConversion;
import org.ruralcredit.sme.service.FinancingService;
import org.ruralcredit.sme.service.FinancingService.FinancingData;

@Path("/api/v1/financing-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Financing reports", description = "Lenders report listed firms they financed; conversion statistics")
public class FinancingResource {

    public record ReportView(
            UUID id,
            String uscc,
            String institution,
            long amount,
            LocalDate financedOn,
            String reportedBy,
            Instant reportedAt) {
        static ReportView of(FinancingReport r) {
            return new ReportView(r.id, r.uscc, r.institution, r.amount, r.financedOn, r.reportedBy, r.reportedAt);
        }
    }

    private final FinancingService service;
    private final FinancingConversion conversions;

    public FinancingResource(FinancingService service, FinancingConversion conversions) {
        this.service = service;
        this.conversions = conversions;
    }

    @POST
    @Operation(
            operationId = "createFinancingReport",
            summary = "Report that a listed firm obtained financing (lender, for the institution in the token); "
                    + "the same report again is answered with the first one")
    @APIResponse(
            responseCode = "201",
            description = "The report is stored and the firm leaves the no-loan list",
            headers =
                    @Header(
                            name = "Location",
                            description = "The report's address, /api/v1/financing-reports/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same report was already on file; it is answered unchanged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response report(@NotNull(message = "{financing.report-required}") FinancingData data) {
        FinancingService.Outcome outcome = service.report(data);
        ReportView view = ReportView.of(outcome.report());
        return outcome.created()
                ? Response.created(URI.create("/api/v1/financing-reports/" + view.id()))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/conversion")
    @Operation(
            operationId = "getFinancingConversion",
            summary = "Archived versus financed firms per township and per lender; a lender sees only its own "
                    + "institution's line")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FinancingConversion.Conversion.class)))
    public FinancingConversion.Conversion conversion(@QueryParam("division") @DefaultValue("") String division) {
        return conversions.of(division);
    }
}

package org.ruralcredit.sme.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.sme.domain.CrossCheck;
import org.ruralcredit.sme.domain.Filing;
import org.ruralcredit.sme.service.FilingService;
import org.ruralcredit.sme.service.FilingService.FilingData;

@Path("/api/v1/filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-filings", description = "A firm's own figures, cross-checked (IPC method)")
public class FilingResource {

    public record FilingView(
            UUID id,
            String uscc,
            int fiscalYear,
            int revision,
            long sales,
            long costOfSales,
            BigDecimal statedGrossMarginPct,
            long assets,
            long liabilities,
            long equity,
            boolean flagged,
            BigDecimal tolerancePoints,
            List<CrossCheck.Result> checks,
            String filedBy,
            Instant filedAt) {
        static FilingView of(Filing f) {
            return new FilingView(
                    f.id,
                    f.uscc,
                    f.fiscalYear,
                    f.revision,
                    f.sales,
                    f.costOfSales,
                    f.statedGrossMargin,
                    f.assets,
                    f.liabilities,
                    f.equity,
                    f.flagged,
                    f.tolerancePoints,
                    FilingService.checksOf(f),
                    f.filedBy,
                    f.filedAt);
        }
    }

    private static final String USCC = "[0-9A-HJ-NPQRTUW-Y]{18}";
    private static final String USCC_MESSAGE = "{firm.credit-code-format}";

    private final FilingService service;

    public FilingResource(FilingService service) {
        this.service = service;
    }

    @POST
    @Path("/{uscc}")
    @Operation(
            operationId = "createFiling",
            summary = "File a firm's figures for a fiscal year (credit-admin); flagged when a cross-check gap "
                    + "exceeds the tolerance")
    @APIResponse(
            responseCode = "201",
            description = "The filing is stored, with its cross-check results",
            headers =
                    @Header(
                            name = "Location",
                            description = "The firm's filings, /api/v1/filings/{uscc}",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response file(
            @PathParam("uscc") @Pattern(regexp = USCC, message = USCC_MESSAGE) String uscc,
            @NotNull(message = "{filing.figures-required}") @Valid FilingData data) {
        Filing filing = service.file(uscc, data);
        return Response.created(URI.create("/api/v1/filings/" + uscc))
                .entity(FilingView.of(filing))
                .build();
    }

    @GET
    @Path("/{uscc}")
    @Operation(
            operationId = "listFilings",
            summary = "A firm's filings, newest year and revision first (credit-admin, auditor)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FilingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<FilingView> list(@PathParam("uscc") @Pattern(regexp = USCC, message = USCC_MESSAGE) String uscc) {
        return service.filingsOf(uscc).stream().map(FilingView::of).toList();
    }
}

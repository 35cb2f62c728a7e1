package org.ruralcredit.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.gateway.service.FirmPassThrough;

/** sme-archive's no-loan list and financing reports, passed through for lenders (same rules, same answers). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Firms", description = "No-loan list (无贷户名单) and financing reports, from sme-archive")
public class FirmListResource {

    private final FirmPassThrough sme;
    private final JsonWebToken token;

    public FirmListResource(FirmPassThrough sme, JsonWebToken token) {
        this.sme = sme;
        this.token = token;
    }

    @GET
    @Path("/no-loan-list")
    @Operation(
            operationId = "listNoLoanFirms",
            summary = "Firms without bank financing, filtered by division, industry, grade and size")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmSchemas.NoLoanListPage.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response noLoanList(
            @QueryParam("division") String division,
            @QueryParam("industry") String industry,
            @QueryParam("grade") String grade,
            @QueryParam("size") String size,
            @QueryParam("page") Integer page,
            @QueryParam("pageSize") Integer pageSize) {
        return sme.pass(() -> sme.client().noLoanList(bearer(), division, industry, grade, size, page, pageSize));
    }

    @POST
    @Path("/financing-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFinancingReport", summary = "Report that a listed firm obtained financing")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmSchemas.FinancingReportRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The financing report, recorded",
            headers =
                    @Header(
                            name = "Location",
                            description = "The report's address in sme-archive",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmSchemas.FinancingReportView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same report was already on file; answered with the first one",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmSchemas.FinancingReportView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response financingReport(JsonNode body) {
        return sme.pass(() -> sme.client().financingReport(bearer(), body));
    }

    @GET
    @Path("/financing-reports/conversion")
    @Operation(
            operationId = "getFinancingConversion",
            summary = "How many archived firms obtained financing, per region and lender")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmSchemas.FinancingConversion.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response conversion(@QueryParam("division") String division) {
        return sme.pass(() -> sme.client().conversion(bearer(), division));
    }

    private String bearer() {
        return "Bearer " + token.getRawToken();
    }
}

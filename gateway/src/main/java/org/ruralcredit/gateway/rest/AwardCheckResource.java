package org.ruralcredit.gateway.rest;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.service.AwardCheckService;
import org.ruralcredit.gateway.service.FirmPassThrough;

@Path("/api/v1/award-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Award checks", description = "Agencies' checks for awards: pass or fail with reason categories, logged")
public class AwardCheckResource {

    private final AwardCheckService households;
    private final FirmPassThrough firms;
    private final Caller caller;
    private final JsonWebToken token;

    public AwardCheckResource(AwardCheckService households, FirmPassThrough firms, Caller caller, JsonWebToken token) {
        this.households = households;
        this.firms = firms;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Path("/households")
    @Operation(
            operationId = "checkHouseholdAwards",
            summary = "文明诚信家庭: credit household, no veto, moral points at the threshold — per head of household")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "201",
            description = "The check, logged; each head of household passes, fails or is undecided",
            headers =
                    @Header(
                            name = "Location",
                            description = "The logged check",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AwardCheckService.CheckResult.class)))
    public Response households(AwardCheckService.CheckRequest body) {
        AwardCheckService.CheckResult result = households.check(body, caller.institution(), caller.username());
        return Response.created(URI.create("/api/v1/award-checks/households/" + result.checkId()))
                .entity(result)
                .build();
    }

    @POST
    @Path("/firms")
    @Operation(
            operationId = "checkFirmAwards",
            summary = "Firms' award check, passed to sme-archive as it is (守合同重信用 and similar)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmSchemas.FirmAwardCheckRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FirmSchemas.FirmAwardCheckResult.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response firms(JsonNode body) {
        return firms.pass(() -> firms.client().awardCheck("Bearer " + token.getRawToken(), body));
    }
}

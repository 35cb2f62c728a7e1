package org.ruralcredit.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.service.AwardCheckService;
import org.ruralcredit.gateway.service.FirmPassThrough;

import com.fasterxml.jackson.databind.JsonNode;

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
    @Operation(summary = "文明诚信家庭: credit household, no veto, moral points at the threshold — per head of household")
    public AwardCheckService.CheckResult households(AwardCheckService.CheckRequest body) {
        return households.check(body, caller.institution(), caller.username());
    }

    @POST
    @Path("/firms")
    @Operation(summary = "Firms' award check, passed to sme-archive as it is (守合同重信用 and similar)")
    public Response firms(JsonNode body) {
        return firms.pass(() -> firms.client().awardCheck("Bearer " + token.getRawToken(), body));
    }
}

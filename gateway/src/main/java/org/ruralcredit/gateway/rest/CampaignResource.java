package org.ruralcredit.gateway.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.service.CampaignService;
import org.ruralcredit.gateway.service.ReportRequestService.Asker;

@Path("/api/v1/campaigns/villages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Village campaigns", description = "整村授信: a village's credit households for a lender, masked")
public class CampaignResource {

    private final CampaignService campaigns;
    private final Caller caller;

    public CampaignResource(CampaignService campaigns, Caller caller) {
        this.campaigns = campaigns;
        this.caller = caller;
    }

    @GET
    @Path("/{code}")
    @Operation(
            operationId = "listVillageCreditHouseholds",
            summary =
                    "The village's credit households as a marketing list: identities masked, grade and the line and rate of the caller's institution's policies, no finances (a full report needs consent); named accounts only, each list recorded in the query register")
    @APIResponse(
            responseCode = "200",
            description = "The list; its query-register entry is registerEntry",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CampaignService.CampaignList.class)))
    @APIResponse(
            responseCode = "403",
            description =
                    "A shared or system account (campaign.account-not-personal, registered as refused) or no institution in the token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public CampaignService.CampaignList village(
            @PathParam("code") @Pattern(regexp = "\\d{12}", message = "{village.code}") String code) {
        return campaigns.village(code, Asker.fromToken(caller.username(), caller.institution(), caller.accountType()));
    }
}

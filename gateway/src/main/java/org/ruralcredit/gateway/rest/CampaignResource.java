package org.ruralcredit.gateway.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.service.CampaignService;

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
    @Operation(operationId = "listVillageCreditHouseholds", summary = "The village's credit households with grade (identities masked; full reports need consent)")
    public CampaignService.CampaignList village(
            @PathParam("code") @Pattern(regexp = "\\d{12}", message = "{village.code}") String code) {
        if (caller.institution() == null || caller.institution().isBlank()) {
            throw ApiException.of(GatewayCodes.NO_INSTITUTION_NAMED);
        }
        return campaigns.village(code, caller.institution());
    }
}

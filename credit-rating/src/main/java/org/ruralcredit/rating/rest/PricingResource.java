package org.ruralcredit.rating.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.service.PricingService;

/** The minimum sustainable rate from stated odds, with a lender policy's margin or a given one; no loan history needed. */
@Path("/api/v1/pricing/minimum-rate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Risk analytics",
        description =
                "Odds per grade band, minimum sustainable rates and model monitoring, from reported loan outcomes")
public class PricingResource {

    private final PricingService pricing;
    private final Caller caller;

    public PricingResource(PricingService pricing, Caller caller) {
        this.pricing = pricing;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "minimumRate",
            summary =
                    "Minimum sustainable rate r = (1 + (n + 1)·m) / n for good:bad odds n:1 and a margin m given or a lender policy's")
    @APIResponse(
            responseCode = "200",
            description = "The odds, the margin used and the minimum rate (rounded up to six places)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PricingService.MinimumRateAnswer.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PricingService.MinimumRateAnswer minimumRate(
            @QueryParam("odds") BigDecimal odds,
            @QueryParam("margin") BigDecimal margin,
            @QueryParam("policy") @Size(max = 60, message = "{field.size}") String policy,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "{field.invalid}")
                    String institution) {
        return pricing.minimumRate(caller, odds, margin, policy, institution);
    }
}

package org.ruralcredit.gateway.service.sources;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * What each of an institution's policies offers a household, as credit-rating computes it
 * (评分、授信分离: the rating service owns the arithmetic, the gateway shows it as given); the
 * platform's default policy (institution "default") when the institution has registered none.
 */
@RegisterRestClient(configKey = "credit-rating")
@RegisterProvider(ServiceTokenFilter.class)
@ClientHeaderParam(name = ServiceTokenFilter.AUDIENCE, value = "credit-rating")
@Path("/api/v1/credit-offers")
public interface OfferClient {

    /** What one policy offers, as a marketing list may show it: the line and the rate, no arithmetic. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "CampaignOfferLine")
    record OfferLine(
            String institution, String policyId, int policyVersion, BigDecimal creditLine, BigDecimal annualRate) {}

    /** A rated household of a village: grade, credit household or not, and the offers of the institution's policies. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VillageOffer(UUID householdId, String grade, boolean creditHousehold, List<OfferLine> offers) {}

    @GET
    @Path("/all")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> offer(@QueryParam("household") UUID householdId, @QueryParam("institution") String institution);

    /** Every rated household of a village with its offers: one call for the whole campaign list. */
    @GET
    @Path("/villages/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<List<VillageOffer>> village(
            @PathParam("code") String villageCode, @QueryParam("institution") String institution);
}

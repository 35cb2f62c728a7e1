package org.ruralcredit.gateway.service.sources;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * What each of an institution's policies offers a household, as credit-rating computes it
 * (评分、授信分离: the rating service owns the arithmetic, the gateway shows it as given); the
 * platform's default policy (institution "default") when the institution has registered none.
 */
@RegisterRestClient(configKey = "credit-rating")
@RegisterProvider(ServiceTokenFilter.class)
@ClientHeaderParam(name = ServiceTokenFilter.AUDIENCE, value = "credit-rating")
@Path("/api/v1/credit-offers/all")
public interface OfferClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> offer(@QueryParam("household") UUID householdId, @QueryParam("institution") String institution);
}

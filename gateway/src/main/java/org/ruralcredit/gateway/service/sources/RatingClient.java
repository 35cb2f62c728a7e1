package org.ruralcredit.gateway.service.sources;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** credit-rating's household ratings, newest first (the first is the current one). */
@RegisterRestClient(configKey = "credit-rating")
@RegisterProvider(ServiceTokenFilter.class)
@ClientHeaderParam(name = ServiceTokenFilter.AUDIENCE, value = "credit-rating")
@Path("/api/v1/households/{id}")
public interface RatingClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reason(String indicator, String nameZh, String nameEn, int pointsLost) {}

    /** validUntil: the end of the campaign's year of validity; null for a rating made outside a campaign. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rating(
            UUID id,
            int score,
            String grade,
            boolean creditHousehold,
            List<String> vetoes,
            List<Reason> reasons,
            String model,
            String status,
            Instant ratedAt,
            LocalDate validUntil) {}

    @GET
    @Path("/ratings")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<List<Rating>> ratings(@PathParam("id") UUID householdId);
}

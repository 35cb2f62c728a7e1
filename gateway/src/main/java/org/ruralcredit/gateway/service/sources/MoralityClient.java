package org.ruralcredit.gateway.service.sources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** morality-score's internal read: a household's moral-bank profile this year. */
@RegisterRestClient(configKey = "morality-score")
@RegisterProvider(ServiceTokenFilter.class)
@ClientHeaderParam(name = ServiceTokenFilter.AUDIENCE, value = "morality-score")
@Path("/internal/v1/households/{id}")
public interface MoralityClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StandardBalance(String code, int points, int cap) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Standing(
            int year,
            List<StandardBalance> standards,
            int totalPoints,
            boolean vetoed,
            List<String> vetoCodes,
            boolean eligible,
            boolean greenCard,
            long moralCreditLine) {}

    /** A ledger entry as the report shows it: no proposer or approver names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "MoralEntry")
    record Entry(
            String kind,
            String ruleCode,
            String vetoCode,
            String standardCode,
            LocalDate deedDate,
            int points,
            boolean reversed,
            String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "MoralProfile")
    record Profile(
            String status, Standing standing, BigDecimal panelScore, int panelRaterCount, List<Entry> recentEntries) {}

    @GET
    @Path("/profile")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Profile> profile(@PathParam("id") String householdId);
}

package org.ruralcredit.gateway.service.sources;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** farmer-registry's internal read: the household whose head has a resident ID (identifiers masked). */
@RegisterRestClient(configKey = "farmer-registry")
@RegisterProvider(ServiceTokenFilter.class)
@ClientHeaderParam(name = ServiceTokenFilter.AUDIENCE, value = "farmer-registry")
@Path("/internal/v1/households")
public interface RegistryClient {

    record ByHead(String residentId) {}

    /** What the report uses of the registry's answer; {@code facts} passes through as the registry wrote it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Household(
            UUID id,
            String villageCode,
            String townshipCode,
            String status,
            String headName,
            String headResidentId,
            int members,
            int yearsResident,
            JsonNode facts,
            int version,
            Instant updatedAt) {}

    @POST
    @Path("/by-head")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Household> byHead(ByHead body);
}

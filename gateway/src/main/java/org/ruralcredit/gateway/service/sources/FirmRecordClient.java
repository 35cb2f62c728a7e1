package org.ruralcredit.gateway.service.sources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * sme-archive's record of one firm, for the firm report, read with the gateway's own service token
 * (internal-reader): lenders have no direct read of firm records, so a firm's record leaves only
 * through a consented, registered report.
 */
@RegisterRestClient(configKey = "sme-archive")
@RegisterProvider(ServiceTokenFilter.class)
@ClientHeaderParam(name = ServiceTokenFilter.AUDIENCE, value = "sme-archive")
@Path("/api/v1/enterprises")
public interface FirmRecordClient {

    @GET
    @Path("/{uscc}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> enterprise(@PathParam("uscc") String uscc);
}

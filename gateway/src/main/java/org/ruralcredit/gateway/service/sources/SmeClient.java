package org.ruralcredit.gateway.service.sources;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * sme-archive's lists and checks the gateway passes through for lenders and agencies. These carry the
 * caller's own token: sme-archive grants lenders and agencies these paths and logs the person. A
 * firm's own record is not among them: the firm report reads it with the gateway's token
 * ({@link FirmRecordClient}), so it leaves only under consent and a register entry.
 * Answers come back as they are (status and body), so sme-archive's refusals reach the caller unchanged.
 */
@RegisterRestClient(configKey = "sme-archive")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SmeClient {

    @POST
    @Path("/award-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    Response awardCheck(@HeaderParam("Authorization") String authorization, JsonNode request);

    @GET
    @Path("/no-loan-list")
    Response noLoanList(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("division") String division,
            @QueryParam("industry") String industry,
            @QueryParam("grade") String grade,
            @QueryParam("size") String size,
            @QueryParam("page") Integer page,
            @QueryParam("pageSize") Integer pageSize);

    @POST
    @Path("/financing-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    Response financingReport(@HeaderParam("Authorization") String authorization, JsonNode report);

    @GET
    @Path("/financing-reports/conversion")
    Response conversion(@HeaderParam("Authorization") String authorization, @QueryParam("division") String division);
}

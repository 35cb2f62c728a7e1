package org.ruralcredit.console.service.api;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's public API as the console uses it: lenders' consents, reports, loans, warnings
 * and lists, agencies' award checks, the objection desk and the query register. Every method
 * answers the raw {@link Response}, so a refusal is read as its problem (see PlatformApi).
 */
@RegisterRestClient(configKey = "gateway")
@AccessToken
@RegisterClientHeaders(PageLanguage.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GatewayApi {

    @POST
    @Path("/consents")
    Response recordConsent(Map<String, ?> consent);

    /** The consents the caller may read, newest first; null leaves a parameter out. */
    @GET
    @Path("/consents")
    Response consents(
            @QueryParam("status") String status,
            @QueryParam("mine") Boolean mine,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/consents/{id}")
    Response consent(@PathParam("id") UUID id);

    /** The officer's own report requests (from the query register), newest first. */
    @GET
    @Path("/reports")
    Response reportRequests(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/reports/households")
    Response householdReport(Map<String, ?> request);

    @POST
    @Path("/award-checks/households")
    Response householdAwardCheck(Map<String, ?> request);

    @GET
    @Path("/query-register")
    Response queryRegister(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/query-register/verification")
    Response queryRegisterVerification();

    @GET
    @Path("/objections/queue")
    Response objectionQueue(@QueryParam("service") String service);

    @POST
    @Path("/objections")
    Response raiseObjection(Map<String, ?> objection);

    @POST
    @Path("/objections/{id}/answer")
    Response answerObjection(@PathParam("id") UUID id, Map<String, ?> answer);

    /** Loans grouped {@code by} township or village, within {@code division} when given. */
    @GET
    @Path("/loan-portfolio")
    Response loanPortfolio(@QueryParam("by") String by, @QueryParam("division") String division);

    @GET
    @Path("/campaigns/villages/{code}")
    Response villageCampaign(@PathParam("code") String villageCode);

    @GET
    @Path("/warnings")
    Response warnings(@QueryParam("all") boolean all);

    @POST
    @Path("/warnings/{id}/acknowledgement")
    Response acknowledgeWarning(@PathParam("id") UUID id);

    @GET
    @Path("/no-loan-list")
    Response noLoanList(@QueryParam("division") String division, @QueryParam("industry") String industry);

    @PUT
    @Path("/loans/{loanRef}")
    Response reportLoan(@PathParam("loanRef") String loanRef, Map<String, ?> loan);

    @POST
    @Path("/loans/{loanRef}/status")
    Response reportLoanStatus(@PathParam("loanRef") String loanRef, Map<String, ?> status);
}

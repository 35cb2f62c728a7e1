package org.ruralcredit.console.service.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * credit-rating's public API as the console uses it: ratings, grade distributions, campaigns and
 * their objections, scorecard models and the monitoring report. Every method answers the raw
 * {@link Response}, so a refusal is read as its problem (see PlatformApi).
 */
@RegisterRestClient(configKey = "credit-rating")
@AccessToken
@RegisterClientHeaders(PageLanguage.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RatingApi {

    @GET
    @Path("/households/{id}/rating")
    Response householdRating(@PathParam("id") UUID id);

    /** Grade counts inside {@code division}, grouped {@code by} TOWNSHIP or VILLAGE. */
    @GET
    @Path("/grade-distributions")
    Response gradeDistributions(@QueryParam("division") String division, @QueryParam("by") String by);

    @GET
    @Path("/villages")
    Response villages(@QueryParam("township") String township);

    /** The campaigns the caller may open, newest first; null leaves a parameter out. */
    @GET
    @Path("/campaigns")
    Response campaigns(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/campaigns")
    Response startCampaign(Map<String, ?> campaign);

    @GET
    @Path("/campaigns/{id}")
    Response campaign(@PathParam("id") UUID id);

    @GET
    @Path("/campaigns/{id}/objections")
    Response campaignObjections(@PathParam("id") UUID id);

    @POST
    @Path("/campaigns/{id}/objections/{objectionId}/resolution")
    Response resolveObjection(
            @PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId, Map<String, ?> resolution);

    @POST
    @Path("/campaigns/{id}/finalization")
    Response finalizeCampaign(@PathParam("id") UUID id);

    @GET
    @Path("/models")
    Response models();

    @POST
    @Path("/models/{code}/{version}/activate")
    Response activateModel(@PathParam("code") String code, @PathParam("version") int version);

    @GET
    @Path("/division-ratings/rule-sets")
    Response divisionRuleSets();

    /** The model's monitoring over a period against a baseline period; {@code version} as the page was given it. */
    @GET
    @Path("/monitoring/report")
    Response monitoringReport(
            @QueryParam("model") String model,
            @QueryParam("version") String version,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("baselineFrom") LocalDate baselineFrom,
            @QueryParam("baselineTo") LocalDate baselineTo);
}

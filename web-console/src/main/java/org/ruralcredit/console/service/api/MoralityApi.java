package org.ruralcredit.console.service.api;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * morality-score's public API as the console uses it: the catalogue, deed proposals and their
 * review, households' moral profiles and panel rounds. Every method answers the raw
 * {@link Response}, so a refusal is read as its problem (see PlatformApi).
 */
@RegisterRestClient(configKey = "morality-score")
@AccessToken
@RegisterClientHeaders(PageLanguage.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MoralityApi {

    @GET
    @Path("/catalogue")
    Response catalogue();

    @POST
    @Path("/proposals")
    Response propose(JsonNode proposal);

    /** The deed proposal's field rules for the field app; null {@code tag} asks for them whatever the device holds. */
    @GET
    @Path("/field-rules")
    Response proposalFieldRules(@HeaderParam(RegistryApi.IF_NONE_MATCH) String tag);

    /** A proposal under the field app's Idempotency-Key: a resend after a lost answer files it once. */
    @POST
    @Path("/proposals")
    Response proposeOnce(@HeaderParam(RegistryApi.IDEMPOTENCY_KEY) String key, JsonNode proposal);

    /** The caller's own proposals (a clerk's). */
    @GET
    @Path("/proposals")
    Response proposals();

    /** The proposals waiting for the caller's decision (an official's). */
    @GET
    @Path("/reviews")
    Response reviews();

    @POST
    @Path("/reviews/{id}/approval")
    Response approve(@PathParam("id") UUID proposalId);

    @POST
    @Path("/reviews/{id}/rejection")
    Response reject(@PathParam("id") UUID proposalId, Map<String, ?> rejection);

    @GET
    @Path("/households/{id}/profile")
    Response householdProfile(@PathParam("id") UUID id);

    @POST
    @Path("/panel-rounds")
    Response openPanelRound(Map<String, ?> round);

    /** The rounds the caller may see, newest first; null leaves a parameter out. */
    @GET
    @Path("/panel-rounds")
    Response panelRounds(
            @QueryParam("status") String status,
            @QueryParam("village") String village,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/panel-rounds/{round}")
    Response panelRound(@PathParam("round") UUID round);

    @POST
    @Path("/panel-rounds/{round}/closing")
    Response closePanelRound(@PathParam("round") UUID round);

    @POST
    @Path("/panel-rounds/{round}/raters")
    Response addRater(@PathParam("round") UUID round, Map<String, ?> rater);

    @POST
    @Path("/panel-rounds/{round}/scores")
    Response score(@PathParam("round") UUID round, Map<String, ?> scores);
}

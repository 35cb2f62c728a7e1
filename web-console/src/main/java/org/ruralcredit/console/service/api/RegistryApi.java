package org.ruralcredit.console.service.api;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * farmer-registry's public API as the console uses it: household files, divisions, coverage,
 * village profiles, bulk imports and announcing the files again. Every method answers the raw {@link Response}, so a refusal
 * is read as its problem and a template passes through as bytes (see PlatformApi).
 */
@RegisterRestClient(configKey = "farmer-registry")
@AccessToken
@RegisterClientHeaders(PageLanguage.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RegistryApi {

    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    String IDEMPOTENCY_KEY = "Idempotency-Key";
    String IF_NONE_MATCH = "If-None-Match";

    /** A page of the households in {@code division}, found by {@code q} when given; null leaves a parameter out. */
    @GET
    @Path("/households")
    Response households(
            @QueryParam("division") String division,
            @QueryParam("q") String q,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @POST
    @Path("/households")
    Response createHousehold(Map<String, ?> file);

    /** Opening a file under the field app's Idempotency-Key: a resend after a lost answer gets the first answer. */
    @POST
    @Path("/households")
    Response createHouseholdOnce(@HeaderParam(IDEMPOTENCY_KEY) String key, JsonNode write);

    @GET
    @Path("/households/{id}")
    Response household(@PathParam("id") UUID id);

    @PUT
    @Path("/households/{id}")
    Response correctHousehold(@PathParam("id") UUID id, Map<String, ?> correction);

    /** A correction under the field app's Idempotency-Key (see createHouseholdOnce). */
    @PUT
    @Path("/households/{id}")
    Response correctHouseholdOnce(@PathParam("id") UUID id, @HeaderParam(IDEMPOTENCY_KEY) String key, JsonNode write);

    @POST
    @Path("/households/{id}/close")
    Response closeHousehold(@PathParam("id") UUID id, Map<String, ?> closing);

    @GET
    @Path("/households/{id}/revisions")
    Response householdRevisions(@PathParam("id") UUID id);

    @GET
    @Path("/divisions/{code}")
    Response division(@PathParam("code") String code);

    @GET
    @Path("/divisions/{code}/children")
    Response divisionChildren(@PathParam("code") String code);

    @GET
    @Path("/coverage/{division}")
    Response coverage(@PathParam("division") String division);

    @GET
    @Path("/villages/{code}/profile")
    Response villageProfile(@PathParam("code") String villageCode);

    @PUT
    @Path("/villages/{code}/profile")
    Response saveVillageProfile(@PathParam("code") String villageCode, JsonNode profile);

    /** The import file's columns with their rules, for the guide beside the upload. */
    @GET
    @Path("/imports/template")
    Response importColumns();

    @GET
    @Path("/imports/template.csv")
    @Produces("text/csv")
    Response importTemplateCsv();

    @GET
    @Path("/imports/template.xlsx")
    @Produces(XLSX)
    Response importTemplateXlsx();

    /** An import file as the multipart part {@code file} (CSV or XLSX). */
    @POST
    @Path("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Response startImport(ClientMultipartForm form);

    @GET
    @Path("/imports/{id}")
    Response importJob(@PathParam("id") UUID id);

    @GET
    @Path("/imports/{id}/errors")
    Response importErrors(@PathParam("id") UUID id);

    /** The household file's field rules for the field app; null {@code tag} asks for them whatever the device holds. */
    @GET
    @Path("/field-rules")
    Response fieldRules(@HeaderParam(IF_NONE_MATCH) String tag);

    /** A page of a village's households for the field app, identities masked; 304 while {@code tag} is current. */
    @GET
    @Path("/field-bundles/{code}")
    Response fieldBundle(
            @PathParam("code") String villageCode,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @HeaderParam(IF_NONE_MATCH) String tag);

    /** Starts announcing every file of {@code {"division"}} again (credit-admin). */
    @POST
    @Path("/household-announcements")
    Response startAnnouncement(Map<String, ?> body);

    @GET
    @Path("/household-announcements/{id}")
    Response announcement(@PathParam("id") UUID id);
}

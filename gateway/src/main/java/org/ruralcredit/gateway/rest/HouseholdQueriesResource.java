package org.ruralcredit.gateway.rest;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.service.HouseholdQueries;

/**
 * A household's own view of the register, shown by its township's official: who asked for the
 * household's report, when, why, and whether it was granted. The resident ID travels in the body.
 */
@Path("/api/v1/query-register/household-view")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Query register")
public class HouseholdQueriesResource {

    public record Household(String residentId) {}

    public record Query(Instant at, String institution, String username, String purpose, String outcome) {}

    private final HouseholdQueries queries;
    private final Caller caller;

    public HouseholdQueriesResource(HouseholdQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Operation(
            operationId = "listHouseholdQueries",
            summary = "Who queried this household and when (its township's official), newest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The queries of the household, newest first",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Query.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public List<Query> queries(Household body) {
        return queries.of(body == null ? null : body.residentId(), caller).stream()
                .map(e -> new Query(e.recordedAt, e.institution, e.username, e.purpose, e.outcome))
                .toList();
    }
}

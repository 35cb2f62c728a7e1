package org.ruralcredit.morality.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.morality.rest.Views.ProfileView;

/**
 * The gateway's read for a consented credit report: the household's moral profile for this year,
 * the same view officials see. Its own path, so the realm can allow the gateway's internal reader
 * this read and nothing else of the household paths.
 */
@Path("/internal/v1/households/{householdId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal reads", description = "Reads for the gateway's consented reports")
public class InternalHouseholdResource {

    private final HouseholdResource households;
    private final Caller caller;

    public InternalHouseholdResource(HouseholdResource households, Caller caller) {
        this.households = households;
        this.caller = caller;
    }

    @GET
    @Path("/profile")
    @Operation(
            operationId = "getInternalHouseholdProfile",
            summary = "The household's moral profile this year, for the gateway's report")
    @APIResponse(
            responseCode = "200",
            description = "The household's moral profile this year",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileView.class)))
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProfileView profile(@PathParam("householdId") String householdId) {
        if (!caller.hasRole(Role.INTERNAL_READER)) {
            throw ApiException.of(MoralityCodes.INTERNAL_READER_ONLY);
        }
        return households.profile(householdId, null);
    }
}

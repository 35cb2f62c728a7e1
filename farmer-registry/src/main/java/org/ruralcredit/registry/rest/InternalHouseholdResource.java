package org.ruralcredit.registry.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.identity.PersonNames;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.domain.HouseholdFacts;
import org.ruralcredit.registry.service.HouseholdDocuments;
import org.ruralcredit.registry.service.InternalHouseholdService;

/**
 * The gateway's read for a consented credit report: the household whose head has a resident ID,
 * with its facts and nothing that identifies a person in plain (head's ID masked, no members' names
 * or IDs, no phone). Only the gateway's internal reader may call it (realm and code).
 */
@Path("/internal/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal reads", description = "Reads for the gateway's consented reports")
public class InternalHouseholdResource {

    public record ByHead(@NotBlank @Size(max = 18) String residentId) {}

    public record ReportSummary(
            UUID id,
            String villageCode,
            String townshipCode,
            String status,
            String headName,
            String headResidentId,
            int members,
            int yearsResident,
            HouseholdFacts facts,
            int version,
            Instant updatedAt) {}

    /** A household of a village for a lender's village campaign: identity masked. */
    public record VillageHousehold(UUID id, String headName, String headResidentId) {}

    /** Households of one village listed for a campaign at the most. */
    static final int VILLAGE_LIMIT = 2000;

    private final InternalHouseholdService households;
    private final HouseholdDocuments documents;
    private final Caller caller;
    private final Clock clock;

    public InternalHouseholdResource(
            InternalHouseholdService households, HouseholdDocuments documents, Caller caller, Clock clock) {
        this.households = households;
        this.documents = documents;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/by-head")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "findHouseholdForReport",
            summary = "The active file whose head has this resident ID (in the body), for the gateway's report")
    @APIResponse(
            responseCode = "200",
            description = "The head's active file, identifiers masked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ReportSummary byHead(@NotNull(message = "{body.json-required}") @Valid ByHead request) {
        requireInternalReader();
        ResidentId.Result parsed = ResidentId.parse(request.residentId(), LocalDate.now(clock));
        if (!parsed.valid()) {
            throw ApiException.invalid("residentId", parsed.refusalCode());
        }
        return households.activeByHead(parsed.id().get(), this::summary);
    }

    @GET
    @Path("/in-village/{code}")
    @Operation(
            operationId = "listVillageHouseholdsForCampaign",
            summary =
                    "The active files of a village (heads masked), for a lender's village campaign through the gateway")
    @APIResponse(
            responseCode = "200",
            description = "The village's active files, heads masked",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = VillageHousehold.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<VillageHousehold> inVillage(
            @PathParam("code") @Pattern(regexp = "\\d{12}", message = "{field.village-code}") String code) {
        requireInternalReader();
        return households.activeInVillage(
                code,
                VILLAGE_LIMIT,
                h -> new VillageHousehold(
                        h.id, PersonNames.mask(h.headName), ResidentId.mask(documents.residentIdOf(h.head()))));
    }

    private ReportSummary summary(Household h) {
        return new ReportSummary(
                h.id,
                h.villageCode,
                h.townshipCode,
                h.status.name(),
                PersonNames.mask(h.headName),
                ResidentId.mask(documents.residentIdOf(h.head())),
                h.members.size(),
                h.yearsResident,
                h.facts,
                h.version,
                h.updatedAt);
    }

    private void requireInternalReader() {
        if (!caller.hasRole(Role.INTERNAL_READER)) {
            throw ApiException.of(RegistryCodes.INTERNAL_READER_ONLY);
        }
    }
}

package org.ruralcredit.registry.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.registry.domain.VillageProfile;
import org.ruralcredit.registry.domain.VillageProfileRevision;
import org.ruralcredit.registry.service.VillageProfileService;

@Path("/api/v1/villages/{code}/profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Village profiles", description = "Households and population of a village from local statistics")
public class VillageProfileResource {

    static final String VILLAGE_CODE = "\\d{12}";
    static final String VILLAGE_CODE_MESSAGE = "{field.village-code}";

    public record ProfileRequest(
            @NotNull @PositiveOrZero @Max(100_000) Integer totalHouseholds,
            @NotNull @PositiveOrZero @Max(1_000_000) Integer population,
            @NotNull @PastOrPresent LocalDate figuresAsOf,
            @Size(max = 50) @PlainText String committeeContact,
            @Size(max = 500) @PlainText String reason,
            @PositiveOrZero Integer expectedRevision) {}

    public record ProfileView(
            String villageCode,
            int totalHouseholds,
            int population,
            LocalDate figuresAsOf,
            String committeeContact,
            int revision,
            String updatedBy,
            Instant updatedAt) {
        static ProfileView of(VillageProfile p) {
            return new ProfileView(
                    p.villageCode,
                    p.totalHouseholds,
                    p.population,
                    p.figuresAsOf,
                    p.committeeContact,
                    p.revision,
                    p.updatedBy,
                    p.updatedAt);
        }
    }

    @Schema(name = "VillageProfileRevisionView")
    public record RevisionView(
            int revision,
            int totalHouseholds,
            int population,
            LocalDate figuresAsOf,
            String committeeContact,
            String reason,
            String changedBy,
            Instant changedAt) {
        static RevisionView of(VillageProfileRevision r) {
            return new RevisionView(
                    r.revision,
                    r.totalHouseholds,
                    r.population,
                    r.figuresAsOf,
                    r.committeeContact,
                    r.reason,
                    r.changedBy,
                    r.changedAt);
        }
    }

    private final VillageProfileService service;

    public VillageProfileResource(VillageProfileService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getVillageProfile", summary = "A village's current figures")
    @APIResponse(
            responseCode = "200",
            description = "The village's figures",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProfileView get(
            @PathParam("code") @Pattern(regexp = VILLAGE_CODE, message = VILLAGE_CODE_MESSAGE) String code) {
        return ProfileView.of(service.find(code));
    }

    @GET
    @Path("/revisions")
    @Operation(operationId = "listVillageProfileRevisions", summary = "Every accepted change of a village's figures")
    @APIResponse(
            responseCode = "200",
            description = "The revisions, oldest first",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<RevisionView> revisions(
            @PathParam("code") @Pattern(regexp = VILLAGE_CODE, message = VILLAGE_CODE_MESSAGE) String code) {
        return service.history(code).stream().map(RevisionView::of).toList();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "saveVillageProfile",
            summary = "Create or correct a village's figures (township official of that township)",
            description =
                    "Send expectedRevision = the revision you read (0 or absent to create); a stale one gets 409.")
    @APIResponse(
            responseCode = "200",
            description = "The figures as saved, at their new revision",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ProfileView put(
            @PathParam("code") @Pattern(regexp = VILLAGE_CODE, message = VILLAGE_CODE_MESSAGE) String code,
            @NotNull(message = "{body.json-required}") @Valid ProfileRequest request) {
        return ProfileView.of(service.save(
                code,
                new VillageProfileService.ProfileChange(
                        request.totalHouseholds(),
                        request.population(),
                        request.figuresAsOf(),
                        request.committeeContact(),
                        request.reason(),
                        request.expectedRevision())));
    }
}

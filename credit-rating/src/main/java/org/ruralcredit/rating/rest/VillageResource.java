package org.ruralcredit.rating.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.rating.domain.Village;
import org.ruralcredit.rating.service.VillageService;

@Path("/api/v1/villages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Villages", description = "Villages known to the rating service, with their official household totals")
public class VillageResource {

    public record VillageView(
            String code,
            String name,
            String townshipCode,
            int totalHouseholds,
            int population,
            LocalDate figuresAsOf,
            long sourceRevision) {
        static VillageView of(Village v) {
            return new VillageView(
                    v.code, v.name, v.townshipCode, v.totalHouseholds, v.population, v.figuresAsOf, v.sourceRevision);
        }
    }

    private final VillageService villages;

    public VillageResource(VillageService villages) {
        this.villages = villages;
    }

    @GET
    @Operation(operationId = "listVillages", summary = "The villages of a township")
    public List<VillageView> inTownship(
            @QueryParam("township")
                    @NotNull(message = "{field.required}")
                    @Pattern(regexp = "\\d{9}", message = "{field.township-code}")
                    String township) {
        return villages.inTownship(township).stream().map(VillageView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getVillage", summary = "One village")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VillageView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public VillageView get(
            @PathParam("code") @Pattern(regexp = "\\d{12}", message = "{rating.village.code}") String code) {
        return VillageView.of(villages.get(code));
    }
}

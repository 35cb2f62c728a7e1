package org.ruralcredit.morality.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.morality.domain.Catalogue;
import org.ruralcredit.morality.service.CatalogueService;

@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Catalogue",
        description = "The versioned rule catalogue: standards, deed rules, vetoes, base score, credit bands")
public class CatalogueResource {

    /** A new catalogue version; its number is given by the service. */
    public record NewVersion(
            @NotNull LocalDate effectiveFrom,
            @NotNull Integer baseScore,
            @NotNull Integer eligibilityThreshold,
            @NotNull Integer greenCardThreshold,
            @NotNull List<Catalogue.Standard> standards,
            @NotNull List<Catalogue.DeedRule> rules,
            @NotNull List<Catalogue.VetoItem> vetoes,
            @NotNull List<Catalogue.CreditBand> creditBands) {}

    public record VersionSummary(int version, LocalDate effectiveFrom, int rules, int vetoes) {}

    private final CatalogueService catalogues;
    private final Caller caller;

    public CatalogueResource(CatalogueService catalogues, Caller caller) {
        this.catalogues = catalogues;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getCurrentCatalogue", summary = "The catalogue version in force today")
    public Catalogue current() {
        return catalogues.current();
    }

    @GET
    @Path("/versions")
    @Operation(operationId = "listCatalogueVersions", summary = "Every catalogue version, oldest first")
    public List<VersionSummary> versions() {
        return catalogues.all().stream()
                .map(c -> new VersionSummary(
                        c.version(),
                        c.effectiveFrom(),
                        c.rules().size(),
                        c.vetoes().size()))
                .toList();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(
            operationId = "getCatalogueVersion",
            summary = "One catalogue version, as entries made under it are judged")
    @APIResponse(
            responseCode = "200",
            description = "The catalogue version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Catalogue.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Catalogue version(@PathParam("version") int version) {
        return catalogues.byVersion(version);
    }

    @POST
    @Path("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createCatalogueVersion",
            summary = "Publish a new catalogue version (credit-admin), effective from today or later")
    @APIResponse(
            responseCode = "201",
            description = "The new version as stored, with the number the service gave it",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new version's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Catalogue.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull NewVersion body) {
        if (!caller.hasRole(Role.CREDIT_ADMIN)) {
            throw ApiException.of(MoralityCodes.CATALOGUE_ADMIN_ONLY);
        }
        Catalogue created = catalogues.create(
                new Catalogue(
                        0,
                        body.effectiveFrom(),
                        body.baseScore(),
                        body.eligibilityThreshold(),
                        body.greenCardThreshold(),
                        body.standards(),
                        body.rules(),
                        body.vetoes(),
                        body.creditBands()),
                caller.username());
        return Response.created(URI.create("/api/v1/catalogue/versions/" + created.version()))
                .entity(created)
                .build();
    }
}

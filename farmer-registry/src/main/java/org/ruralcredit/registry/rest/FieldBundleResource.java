package org.ruralcredit.registry.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.http.EntityTags;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.registry.service.FieldBundleService;

/**
 * A village's households for the offline field app, a page at a time, identities masked. Each
 * page has its own tag, so a device that syncs downloads again only the pages that changed.
 */
@Path("/api/v1/field-bundles/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Field app", description = "What the offline field app (入户采集) keeps on the device")
public class FieldBundleResource {

    /** A typical village (900–2,199 households) in one to three pages of at most 1,000. */
    static final int DEFAULT_SIZE = 500;

    static final int MAX_SIZE = 1000;

    /** Kept by the device, never by a shared cache; revalidated with If-None-Match on every sync. */
    static final String CACHE_CONTROL = "private, no-cache";

    @Schema(name = "FieldBundleVillage")
    record VillageView(String code, String name, String townshipCode, String townshipName) {}

    @Schema(name = "FieldBundleHousehold")
    record HouseholdView(
            UUID id,

            @Schema(description = "The file's version: a correction made from this entry sends it as expectedVersion")
            int version,

            @Schema(description = "The head's name, masked: the family name and a star for each other character")
            String headName,

            @Schema(description = "The head's resident ID, masked (330281********1234)")
            String headResidentId,

            int members,

            @Schema(description = "The main business (PLANTING, BREEDING, ...), if the file has production facts")
            String mainBusiness,

            @Schema(description = "The earliest as-of date of the file's fact groups: how old its facts are")
            LocalDate factsAsOf) {}

    @Schema(name = "FieldBundle")
    record BundleView(VillageView village, int page, int size, long total, List<HouseholdView> households) {
        static BundleView of(FieldBundleService.Bundle bundle) {
            FieldBundleService.Village v = bundle.village();
            return new BundleView(
                    new VillageView(v.code(), v.name(), v.townshipCode(), v.townshipName()),
                    bundle.page(),
                    bundle.size(),
                    bundle.total(),
                    bundle.households().stream()
                            .map(h -> new HouseholdView(
                                    h.id(),
                                    h.version(),
                                    h.headName(),
                                    h.headResidentId(),
                                    h.members(),
                                    h.mainBusiness(),
                                    h.factsAsOf()))
                            .toList());
        }
    }

    private final FieldBundleService service;
    private final Caller caller;

    public FieldBundleResource(FieldBundleService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getFieldBundle",
            summary = "A village's active households for the field app, a page at a time, identities masked "
                    + "(the village's clerk, its township's officials)",
            description = "Ordered by id, which a correction does not change. Each page has its own ETag, made "
                    + "from the village, the page, the total and the id and version of each file on it; send it as "
                    + "If-None-Match to get 304 while nothing on the page changed. Answers gzip when asked "
                    + "(Accept-Encoding).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            headers = {
                @Header(
                        name = "ETag",
                        description = "The page's tag; send it as If-None-Match",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BundleView.class)))
    @APIResponse(responseCode = "304", description = "Nothing on the page changed since the If-None-Match tag")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response bundle(
            @PathParam("code")
                    @Pattern(
                            regexp = VillageProfileResource.VILLAGE_CODE,
                            message = VillageProfileResource.VILLAGE_CODE_MESSAGE)
                    String code,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size")
                    @DefaultValue("" + DEFAULT_SIZE)
                    @Min(1)
                    @Max(MAX_SIZE)
                    @Parameter(description = "Households per page, at most 1,000 (default 500)")
                    int size,
            @HeaderParam("If-None-Match") @Parameter(description = "The ETag of the page the device holds")
                    String ifNoneMatch) {
        FieldBundleService.Answer answer = service.bundle(
                caller.actor(), code, page, size, opaque -> EntityTags.matches(ifNoneMatch, EntityTags.weak(opaque)));
        String tag = EntityTags.weak(answer.tag());
        if (answer.bundle() == null) {
            return EntityTags.notModified(tag, CACHE_CONTROL);
        }
        return EntityTags.ok(BundleView.of(answer.bundle()), tag, CACHE_CONTROL);
    }
}

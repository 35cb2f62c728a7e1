package org.ruralcredit.rating.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.Objection;
import org.ruralcredit.rating.domain.division.DivisionLevel;
import org.ruralcredit.rating.service.CampaignService;
import org.ruralcredit.rating.service.ObjectionService;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "评定批次: yearly rating of a division, public posting, objections, finalization")
public class CampaignResource {

    public record StartRequest(
            @NotNull(message = "{field.required}")
            @Pattern(regexp = DivisionCodes.PATTERN, message = "{field.division-code}")
            String division,

            @Min(value = 1, message = "{campaign.posting-days.min}")
            @Max(value = 60, message = "{campaign.posting-days.max}")
            Integer postingDays) {}

    public record ObjectionRequest(
            @NotNull(message = "{field.required}") UUID householdId,

            @NotBlank(message = "{field.required}") @Size(max = 1000) @PlainText
            String reason) {}

    public record ResolutionRequest(
            @NotNull(message = "{objection.decision-required}")
            ObjectionService.Resolution decision,

            @Size(max = 1000) @PlainText String note) {}

    public record CampaignView(
            UUID id,
            String division,
            String status,
            int postingDays,
            int householdsTotal,
            int householdsRated,
            int householdsFinal,
            String startedBy,
            Instant startedAt,
            Instant postingOpensAt,
            Instant postingClosesAt,
            String finalizedBy,
            Instant finalizedAt,
            LocalDate validUntil,
            Map<String, Long> objections,
            Stall stall) {
        static CampaignView of(Campaign c, Map<String, Long> objections) {
            return new CampaignView(
                    c.id,
                    c.divisionCode,
                    c.status.name(),
                    c.postingDays,
                    c.householdsTotal,
                    c.householdsRated,
                    c.householdsFinal,
                    c.startedBy,
                    c.startedAt,
                    c.postingOpensAt,
                    c.postingClosesAt,
                    c.finalizedBy,
                    c.finalizedAt,
                    c.validUntil,
                    objections,
                    c.stalledSince == null
                            ? null
                            : new Stall(c.stalledSince, c.lastFailureAt, c.failedPasses, c.stallReason));
        }
    }

    /** One campaign of a listing: its division and level, status, progress and times, as the single read gives them. */
    public record CampaignSummary(
            UUID id,
            String division,
            DivisionLevel level,

            @Schema(enumeration = {"RATING", "POSTED", "FINALIZING", "FINALIZED"})
            String status,

            int householdsTotal,
            int householdsRated,
            int householdsFinal,
            long openObjections,
            boolean stalled,
            String startedBy,
            Instant startedAt,
            Instant postingClosesAt,
            Instant finalizedAt,
            LocalDate validUntil) {
        static CampaignSummary of(Campaign c, long openObjections) {
            DivisionLevel level = switch (c.divisionCode.length()) {
                case 6 -> DivisionLevel.COUNTY;
                case 9 -> DivisionLevel.TOWNSHIP;
                default -> DivisionLevel.VILLAGE;
            };
            return new CampaignSummary(
                    c.id,
                    c.divisionCode,
                    level,
                    c.status.name(),
                    c.householdsTotal,
                    c.householdsRated,
                    c.householdsFinal,
                    openObjections,
                    c.stalledSince != null,
                    c.startedBy,
                    c.startedAt,
                    c.postingClosesAt,
                    c.finalizedAt,
                    c.validUntil);
        }
    }

    /** A page of campaigns, newest first; {@code total} counts every campaign the caller sees. */
    public record CampaignPage(List<CampaignSummary> items, int page, int size, long total) {}

    /** Present while the campaign's passes fail: since when, the last try, how many, and where it stopped. */
    public record Stall(Instant since, Instant lastFailureAt, int failedPasses, String reason) {}

    public record ObjectionView(
            UUID id,
            UUID campaignId,
            UUID householdId,
            String townshipCode,
            String reason,
            String status,
            String filedBy,
            Instant filedAt,
            String resolvedBy,
            Instant resolvedAt,
            String resolutionNote,
            UUID newRatingId) {
        static ObjectionView of(Objection o) {
            return new ObjectionView(
                    o.id,
                    o.campaignId,
                    o.householdId,
                    o.townshipCode,
                    o.reason,
                    o.status.name(),
                    o.filedBy,
                    o.filedAt,
                    o.resolvedBy,
                    o.resolvedAt,
                    o.resolutionNote,
                    o.newRatingId);
        }
    }

    private final CampaignService campaigns;
    private final ObjectionService objections;
    private final Caller caller;

    public CampaignResource(CampaignService campaigns, ObjectionService objections, Caller caller) {
        this.campaigns = campaigns;
        this.objections = objections;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createCampaign",
            summary = "Start a campaign over a division (credit-admin); households are rated in the background")
    @APIResponse(
            responseCode = "201",
            description = "The campaign, started",
            headers =
                    @Header(
                            name = "Location",
                            description = "The campaign's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @RolesAllowed(Role.CREDIT_ADMIN)
    public Response start(@Valid @NotNull(message = "{field.body-required}") StartRequest request) {
        Campaign c = campaigns.start(request.division(), request.postingDays(), caller.username());
        return Response.created(URI.create("/api/v1/campaigns/" + c.id))
                .entity(CampaignView.of(c, Map.of()))
                .build();
    }

    @GET
    @Operation(
            operationId = "listCampaigns",
            summary =
                    "Campaigns the caller may open, newest first, a page at a time (the same division rule as one campaign's read)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignPage.class)))
    public CampaignPage list(
            @QueryParam("status")
                    @Parameter(
                            description = "Only campaigns in this status",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"RATING", "POSTED", "FINALIZING", "FINALIZED"}))
                    Campaign.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        CampaignService.Listing listing = campaigns.list(status, page, size);
        List<CampaignSummary> items = listing.items().stream()
                .map(c -> CampaignSummary.of(c, listing.openObjections().getOrDefault(c.id, 0L)))
                .toList();
        return new CampaignPage(items, page, size, listing.total());
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getCampaign",
            summary = "Campaign progress: households rated and finalized, posting window, objections per status")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CampaignView get(@PathParam("id") UUID id) {
        Campaign c = campaigns.readable(id);
        return CampaignView.of(c, campaigns.objectionCounts(id));
    }

    @POST
    @Path("/{id}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createObjection",
            summary = "File an objection (异议) for a household of one's own township during the posting window")
    @APIResponse(
            responseCode = "201",
            description = "The objection, filed",
            headers =
                    @Header(
                            name = "Location",
                            description = "The objection's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @RolesAllowed(Role.TOWNSHIP_OFFICIAL)
    public Response object(
            @PathParam("id") UUID id, @Valid @NotNull(message = "{field.body-required}") ObjectionRequest request) {
        Objection o = objections.object(id, request.householdId(), request.reason());
        return Response.created(URI.create("/api/v1/campaigns/" + id + "/objections/" + o.id))
                .entity(ObjectionView.of(o))
                .build();
    }

    @GET
    @Path("/{id}/objections/{objectionId}")
    @Operation(
            operationId = "getObjection",
            summary = "One objection of the campaign (a township official sees those of their township)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ObjectionView objection(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId) {
        return ObjectionView.of(objections.visible(id, objectionId));
    }

    @GET
    @Path("/{id}/objections")
    @Operation(
            operationId = "listObjections",
            summary = "The campaign's objections (a township official sees those of their township)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ObjectionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<ObjectionView> objections(@PathParam("id") UUID id) {
        return objections.visible(id).stream().map(ObjectionView::of).toList();
    }

    @POST
    @Path("/{id}/objections/{objectionId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resolveObjection",
            summary =
                    "Resolve an objection (credit-admin): UPHOLD keeps the posted result, RERATE rates the household again from its current facts")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @RolesAllowed(Role.CREDIT_ADMIN)
    public ObjectionView resolve(
            @PathParam("id") UUID id,
            @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull(message = "{field.body-required}") ResolutionRequest request) {
        return ObjectionView.of(objections.resolve(id, objectionId, request.decision(), request.note()));
    }

    @POST
    @Path("/{id}/finalization")
    @Operation(
            operationId = "finalizeCampaign",
            summary =
                    "Finalize after the posting window with every objection resolved (credit-admin); results are valid one year")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @RolesAllowed(Role.CREDIT_ADMIN)
    public CampaignView finalizeCampaign(@PathParam("id") UUID id) {
        Campaign c = campaigns.finalizeCampaign(id, caller.username());
        return CampaignView.of(c, campaigns.objectionCounts(id));
    }
}

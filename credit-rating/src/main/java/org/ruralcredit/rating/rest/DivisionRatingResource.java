package org.ruralcredit.rating.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.events.rating.DivisionCriterion;
import org.ruralcredit.rating.domain.DivisionRatingRecord;
import org.ruralcredit.rating.domain.division.Criterion;
import org.ruralcredit.rating.domain.division.RuleSetCatalog;
import org.ruralcredit.rating.service.DivisionRatingService;

@Path("/api/v1/division-ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Division ratings", description = "信用村、信用乡镇、信用县: criteria tables, computation and approval")
public class DivisionRatingResource {

    public record ComputeRequest(
            @NotNull(message = "{field.required}")
            @Pattern(regexp = DivisionCodes.PATTERN, message = "{field.division-code}")
            String division,

            @Size(max = 60) String ruleSet,
            @Positive Integer ruleSetVersion) {}

    public record DecisionRequest(
            @NotNull(message = "{field.required}") Boolean approve,
            @Size(max = 500) @PlainText String note) {}

    public record DivisionRatingView(
            UUID id,
            String level,
            String divisionCode,
            String title,
            String ruleSet,
            int ruleSetVersion,
            String outcome,
            List<DivisionCriterion> criteria,
            Map<String, Object> figures,
            String status,
            String computedBy,
            Instant computedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionNote) {
        public static DivisionRatingView of(DivisionRatingRecord r) {
            return new DivisionRatingView(
                    r.id,
                    r.level.name(),
                    r.divisionCode,
                    r.level.title(),
                    r.ruleSetId,
                    r.ruleSetVersion,
                    r.outcome,
                    r.criteria,
                    r.figures,
                    r.status.name(),
                    r.computedBy,
                    r.computedAt,
                    r.decidedBy,
                    r.decidedAt,
                    r.decisionNote);
        }
    }

    public record RuleSetView(String id, int version, String level, List<Criterion> criteria) {}

    private final DivisionRatingService ratings;
    private final Caller caller;

    public DivisionRatingResource(DivisionRatingService ratings, Caller caller) {
        this.ratings = ratings;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "computeDivisionRating",
            summary =
                    "Measure a division and judge it by a rule set (default of its level when none is named); the result waits for approval")
    @APIResponse(
            responseCode = "201",
            description = "The result, waiting for approval",
            headers =
                    @Header(
                            name = "Location",
                            description = "The result's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DivisionRatingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response compute(@Valid @NotNull(message = "{field.body-required}") ComputeRequest request) {
        DivisionRatingRecord record =
                ratings.compute(request.division(), request.ruleSet(), request.ruleSetVersion(), caller.actor());
        return Response.created(URI.create("/api/v1/division-ratings/" + record.id))
                .entity(DivisionRatingView.of(record))
                .build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "decideDivisionRating",
            summary =
                    "Approve or reject a pending result (village: its township's official; township, county: credit-admin; never the person who computed it)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DivisionRatingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public DivisionRatingView decide(
            @PathParam("id") UUID id, @Valid @NotNull(message = "{field.body-required}") DecisionRequest request) {
        return DivisionRatingView.of(ratings.decide(id, request.approve(), request.note(), caller.actor()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDivisionRating", summary = "One result with its criteria table")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DivisionRatingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DivisionRatingView get(@PathParam("id") UUID id) {
        return DivisionRatingView.of(ratings.get(id));
    }

    @GET
    @Operation(operationId = "listDivisionRatings", summary = "Every result of a division, newest first")
    public List<DivisionRatingView> history(
            @QueryParam("division")
                    @NotNull(message = "{field.required}")
                    @Pattern(regexp = DivisionCodes.PATTERN, message = "{field.division-code}")
                    String division) {
        return ratings.history(division).stream().map(DivisionRatingView::of).toList();
    }

    @GET
    @Path("/current")
    @Operation(
            operationId = "getCurrentDivisionRating",
            summary = "The division's standing result: its latest approved rating")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DivisionRatingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DivisionRatingView current(
            @QueryParam("division")
                    @NotNull(message = "{field.required}")
                    @Pattern(regexp = DivisionCodes.PATTERN, message = "{field.division-code}")
                    String division) {
        return DivisionRatingView.of(ratings.current(division));
    }

    @GET
    @Path("/rule-sets")
    @Operation(operationId = "listRuleSets", summary = "The rule sets a computation may name")
    public List<RuleSetView> ruleSets() {
        return RuleSetCatalog.ALL.stream()
                .map(r -> new RuleSetView(r.id(), r.version(), r.level().name(), r.criteria()))
                .toList();
    }
}

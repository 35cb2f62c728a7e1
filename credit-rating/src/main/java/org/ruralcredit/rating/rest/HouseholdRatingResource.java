package org.ruralcredit.rating.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.rating.domain.CurrentRating;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.domain.scorecard.ScoreResult;
import org.ruralcredit.rating.service.HouseholdRatingService;

@Path("/api/v1/households/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Household ratings", description = "信用户评定: a household's current rating and its history")
public class HouseholdRatingResource {

    /**
     * One rating. {@code standing}: FINAL (in force), FINAL_EXPIRED or PROVISIONAL on the day asked;
     * {@code current} marks the household's current rating ({@link CurrentRating}); {@code newer},
     * only on the current rating when it is FINAL, is a later rating not yet final.
     */
    public record RatingView(
            UUID id,
            UUID householdId,
            String villageCode,
            int score,
            String grade,
            boolean creditHousehold,
            List<String> vetoes,
            List<ScoreResult.Reason> reasons,
            List<ScoreResult.IndicatorScore> indicators,
            String model,
            String status,
            String ratedBy,
            long sourceVersion,
            Map<String, LocalDate> inputsAsOf,
            Instant ratedAt,
            UUID campaignId,
            LocalDate validUntil,
            String standing,
            boolean current,
            RatingView newer) {
        static RatingView of(HouseholdRating r, LocalDate today, boolean current, RatingView newer) {
            return new RatingView(
                    r.id,
                    r.householdId,
                    r.villageCode,
                    r.totalPoints,
                    r.grade,
                    r.creditHousehold,
                    r.vetoes,
                    r.reasons,
                    r.indicators,
                    r.modelCode + "@" + r.modelVersion,
                    r.status.name(),
                    r.ratedBy,
                    r.sourceVersion,
                    r.inputsAsOf,
                    r.ratedAt,
                    r.campaignId,
                    r.validUntil,
                    CurrentRating.standingOf(r, today).name(),
                    current,
                    newer);
        }
    }

    private final HouseholdRatingService ratings;
    private final Clock clock;

    public HouseholdRatingResource(HouseholdRatingService ratings, Clock clock) {
        this.ratings = ratings;
        this.clock = clock;
    }

    @GET
    @Path("/rating")
    @Operation(
            operationId = "getHouseholdRating",
            summary = "The household's current rating (a FINAL one while in force, else the newest), with a newer "
                    + "provisional rating beside a FINAL one, points per indicator and the top reasons")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RatingView current(@PathParam("id") UUID id) {
        LocalDate today = LocalDate.now(clock);
        CurrentRating.Choice choice = ratings.current(id, today);
        return RatingView.of(
                choice.current(),
                today,
                true,
                choice.newer().map(r -> RatingView.of(r, today, false, null)).orElse(null));
    }

    @GET
    @Path("/ratings")
    @Operation(
            operationId = "listHouseholdRatings",
            summary = "Every rating the household has had: the current one first, then the others newest first")
    public List<RatingView> history(@PathParam("id") UUID id) {
        LocalDate today = LocalDate.now(clock);
        HouseholdRatingService.History history = ratings.history(id, today);
        HouseholdRating current = history.current().orElse(null);
        List<RatingView> views = new ArrayList<>(history.ratings().size());
        if (current != null) {
            views.add(RatingView.of(current, today, true, null));
        }
        history.ratings().stream()
                .filter(r -> r != current)
                .forEach(r -> views.add(RatingView.of(r, today, false, null)));
        return views;
    }
}

package org.ruralcredit.rating.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.domain.scorecard.ScoreResult;

@Path("/api/v1/households/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Household ratings", description = "信用户评定: a household's current rating and its history")
public class HouseholdRatingResource {

    public record RatingView(UUID id, UUID householdId, String villageCode, int score, String grade,
                             boolean creditHousehold, List<String> vetoes, List<ScoreResult.Reason> reasons,
                             List<ScoreResult.IndicatorScore> indicators, String model, String status, String ratedBy,
                             long sourceVersion, Map<String, LocalDate> inputsAsOf, Instant ratedAt,
                             UUID campaignId, LocalDate validUntil) {
        static RatingView of(HouseholdRating r) {
            return new RatingView(r.id, r.householdId, r.villageCode, r.totalPoints, r.grade, r.creditHousehold,
                    r.vetoes, r.reasons, r.indicators, r.modelCode + "@" + r.modelVersion, r.status.name(), r.ratedBy,
                    r.sourceVersion, r.inputsAsOf, r.ratedAt, r.campaignId, r.validUntil);
        }
    }

    private final EntityManager em;
    private final Caller caller;

    public HouseholdRatingResource(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @GET
    @Path("/rating")
    @Transactional
    @Operation(summary = "The household's current rating with points per indicator and the top reasons")
    public RatingView current(@PathParam("id") UUID id) {
        return history(id).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Household " + id + " has not been rated."));
    }

    @GET
    @Path("/ratings")
    @Transactional
    @Operation(summary = "Every rating the household has had, newest first")
    public List<RatingView> history(@PathParam("id") UUID id) {
        List<HouseholdRating> ratings = em.createQuery(
                        "from HouseholdRating where householdId = ?1 order by ratedAt desc", HouseholdRating.class)
                .setParameter(1, id).getResultList();
        if (!ratings.isEmpty() && !caller.readScope().covers(ratings.get(0).villageCode)) {
            throw ApiException.forbidden("This household is outside your division.");
        }
        return ratings.stream().map(RatingView::of).toList();
    }
}

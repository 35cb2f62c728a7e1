package org.ruralcredit.rating.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.domain.CurrentRating;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.repository.HouseholdRatingRepository;

/** A household's ratings, for a caller whose read scope covers the household's village. */
@ApplicationScoped
public class HouseholdRatingService {

    /** Every rating of a household, newest first, and which of them is current on the day asked (if any). */
    public record History(List<HouseholdRating> ratings, Optional<HouseholdRating> current) {}

    private final HouseholdRatingRepository ratings;
    private final Caller caller;

    public HouseholdRatingService(HouseholdRatingRepository ratings, Caller caller) {
        this.ratings = ratings;
        this.caller = caller;
    }

    /** The household's current rating on {@code today}, with a newer one beside a FINAL one. */
    @Transactional
    public CurrentRating.Choice current(UUID householdId, LocalDate today) {
        return CurrentRating.of(readable(householdId), today)
                .orElseThrow(() -> ApiException.of(RatingCodes.HOUSEHOLD_NOT_RATED, householdId));
    }

    /** Every rating of the household (none for a household never rated). */
    @Transactional
    public History history(UUID householdId, LocalDate today) {
        List<HouseholdRating> all = readable(householdId);
        return new History(all, CurrentRating.of(all, today).map(CurrentRating.Choice::current));
    }

    private List<HouseholdRating> readable(UUID householdId) {
        List<HouseholdRating> found = ratings.ofHousehold(householdId);
        if (!found.isEmpty() && !caller.readScope().covers(found.get(0).villageCode)) {
            throw ApiException.of(RatingCodes.HOUSEHOLD_OUTSIDE_DIVISION);
        }
        return found;
    }
}

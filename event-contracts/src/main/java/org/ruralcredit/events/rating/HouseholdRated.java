package org.ruralcredit.events.rating;

import java.time.Instant;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/**
 * A household was rated (or re-rated). {@code status} is PROVISIONAL while the result is posted
 * for objections and FINAL once a campaign finalised it; {@code sourceVersion} is the registry
 * file version the rating read.
 */
public record HouseholdRated(
        String householdId,
        String villageCode,
        String townshipCode,
        String ratingId,
        String modelCode,
        int modelVersion,
        int score,
        String grade,
        boolean creditHousehold,
        List<String> vetoes,
        List<String> reasons,
        String status,
        long sourceVersion,
        Instant ratedAt) {

    public HouseholdRated {
        if (householdId == null || villageCode == null || ratingId == null || grade == null || ratedAt == null) {
            throw new EventFormatException("householdId, villageCode, ratingId, grade and ratedAt are required");
        }
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

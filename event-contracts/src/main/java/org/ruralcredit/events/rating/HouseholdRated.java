package org.ruralcredit.events.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/**
 * A household was rated (or re-rated). {@code status} is PROVISIONAL while the result is posted
 * for objections and FINAL once a campaign finalised it; {@code sourceVersion} is the registry
 * file version the rating read. A FINAL rating's expiry is announced again with status
 * FINAL_EXPIRED. Added later (null in older events): {@code reasonDetails} (the top reasons with
 * their names and the points lost), {@code validUntil} (the end of a campaign rating's year of
 * validity) and {@code currentRatingId} (the household's current rating once this one is announced:
 * a FINAL one while in force, else the newest), so a reader needs no rule of its own to tell it.
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
        Instant ratedAt,
        List<Reason> reasonDetails,
        LocalDate validUntil,
        String currentRatingId) {

    public HouseholdRated {
        if (householdId == null || villageCode == null || ratingId == null || grade == null || ratedAt == null) {
            throw new EventFormatException("householdId, villageCode, ratingId, grade and ratedAt are required");
        }
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        reasonDetails = reasonDetails == null ? null : List.copyOf(reasonDetails);
    }

    /** One of the top reasons: the indicator, its names and the points it lost. */
    public record Reason(String indicator, String nameZh, String nameEn, int pointsLost) {}
}

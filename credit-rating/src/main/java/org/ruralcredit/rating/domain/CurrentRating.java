package org.ruralcredit.rating.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which of a household's ratings is its current one (DESIGN §4: provisional → final, valid one
 * year). A FINAL rating is the result a campaign posted, heard objections on and finalised; until
 * its {@code validUntil} (inclusive) it stands, and a later PROVISIONAL rating (an event-driven
 * re-rating, or the next campaign's posted result) is shown beside it as newer, not in its place.
 * Without a FINAL rating in force the newest rating is current: a PROVISIONAL one, or a FINAL one
 * whose year is over, shown as expired.
 */
public final class CurrentRating {

    /** How the current rating stands on the day asked. */
    public enum Standing {
        FINAL,
        FINAL_EXPIRED,
        PROVISIONAL
    }

    /** The current rating, how it stands, and a newer rating not yet final (when the current is FINAL). */
    public record Choice(HouseholdRating current, Standing standing, Optional<HouseholdRating> newer) {}

    private CurrentRating() {}

    /** How one rating stands on {@code today}. */
    public static Standing standingOf(HouseholdRating rating, LocalDate today) {
        if (rating.status != HouseholdRating.Status.FINAL) {
            return Standing.PROVISIONAL;
        }
        return inForce(rating, today) ? Standing.FINAL : Standing.FINAL_EXPIRED;
    }

    /** {@code newestFirst}: every rating of one household, newest first; empty when never rated. */
    public static Optional<Choice> of(List<HouseholdRating> newestFirst, LocalDate today) {
        if (newestFirst.isEmpty()) {
            return Optional.empty();
        }
        HouseholdRating newest = newestFirst.get(0);
        for (HouseholdRating rating : newestFirst) {
            if (rating.status == HouseholdRating.Status.FINAL && inForce(rating, today)) {
                return Optional.of(
                        new Choice(rating, Standing.FINAL, rating == newest ? Optional.empty() : Optional.of(newest)));
            }
        }
        return Optional.of(new Choice(newest, standingOf(newest, today), Optional.empty()));
    }

    private static boolean inForce(HouseholdRating rating, LocalDate today) {
        return rating.validUntil != null && !today.isAfter(rating.validUntil);
    }
}

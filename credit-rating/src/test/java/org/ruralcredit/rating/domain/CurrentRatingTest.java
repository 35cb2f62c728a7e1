package org.ruralcredit.rating.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurrentRatingTest {

    private static final LocalDate FINALISED = LocalDate.of(2026, 12, 1);
    private static final LocalDate VALID_UNTIL = FINALISED.plusYears(1);

    private static HouseholdRating rating(HouseholdRating.Status status, LocalDate validUntil, String grade, int day) {
        HouseholdRating r = new HouseholdRating();
        r.status = status;
        r.validUntil = validUntil;
        r.grade = grade;
        r.ratedAt = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * day);
        return r;
    }

    private final HouseholdRating posted = rating(HouseholdRating.Status.PROVISIONAL, null, "AA", 0);
    private final HouseholdRating finalised = rating(HouseholdRating.Status.FINAL, VALID_UNTIL, "AA", 30);
    private final HouseholdRating later = rating(HouseholdRating.Status.PROVISIONAL, null, "A", 60);

    @Test
    void aFinalRatingInForceStaysCurrentAndANewerProvisionalIsShownBesideIt() {
        CurrentRating.Choice choice = CurrentRating.of(List.of(later, finalised, posted), FINALISED.plusMonths(3))
                .orElseThrow();
        assertSame(finalised, choice.current());
        assertEquals(CurrentRating.Standing.FINAL, choice.standing());
        assertSame(later, choice.newer().orElseThrow());
    }

    @Test
    void theFinalRatingHoldsThroughItsLastDayAndNotAfter() {
        assertSame(
                finalised,
                CurrentRating.of(List.of(later, finalised, posted), VALID_UNTIL)
                        .orElseThrow()
                        .current());
        CurrentRating.Choice after = CurrentRating.of(List.of(later, finalised, posted), VALID_UNTIL.plusDays(1))
                .orElseThrow();
        assertSame(later, after.current());
        assertEquals(CurrentRating.Standing.PROVISIONAL, after.standing());
        assertTrue(after.newer().isEmpty());
    }

    @Test
    void anExpiredFinalRatingWithNothingNewerIsCurrentAndShownExpired() {
        CurrentRating.Choice choice = CurrentRating.of(List.of(finalised, posted), VALID_UNTIL.plusDays(1))
                .orElseThrow();
        assertSame(finalised, choice.current());
        assertEquals(CurrentRating.Standing.FINAL_EXPIRED, choice.standing());
    }

    @Test
    void withoutAFinalRatingTheNewestIsCurrent() {
        CurrentRating.Choice choice =
                CurrentRating.of(List.of(later, posted), FINALISED).orElseThrow();
        assertSame(later, choice.current());
        assertEquals(CurrentRating.Standing.PROVISIONAL, choice.standing());
        assertTrue(CurrentRating.of(List.of(), FINALISED).isEmpty());
    }

    @Test
    void theNextCampaignsPostedResultWaitsBesideTheFinalOneUntilItIsFinalised() {
        HouseholdRating nextPosted = rating(HouseholdRating.Status.PROVISIONAL, null, "AAA", 360);
        HouseholdRating nextFinal = rating(HouseholdRating.Status.FINAL, VALID_UNTIL.plusYears(1), "AAA", 368);
        LocalDate during = FINALISED.plusDays(362);
        assertSame(
                finalised,
                CurrentRating.of(List.of(nextPosted, later, finalised), during)
                        .orElseThrow()
                        .current());
        assertSame(
                nextFinal,
                CurrentRating.of(List.of(nextFinal, nextPosted, later, finalised), during.plusDays(8))
                        .orElseThrow()
                        .current());
    }
}

package org.ruralcredit.rating.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a stalled campaign is tried again: one second after its first failed pass, then twice as long
 * after each further one, never more than five minutes apart. A failure that repeats (a household
 * file the rater cannot read) would otherwise be retried every second for ever.
 */
public final class CampaignRetry {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(5);

    private CampaignRetry() {}

    /** The pause after {@code failedPasses} failures in a row (none after none). */
    public static Duration pauseAfter(int failedPasses) {
        if (failedPasses <= 0) {
            return Duration.ZERO;
        }
        // 2^19 s is past the cap already; the shift stays far from overflow
        int doublings = Math.min(failedPasses - 1, 20);
        Duration pause = FIRST.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST) > 0 ? LONGEST : pause;
    }

    /** Whether a campaign that last failed at {@code lastFailureAt} may be tried at {@code now}. */
    public static boolean due(int failedPasses, Instant lastFailureAt, Instant now) {
        return lastFailureAt == null || !now.isBefore(lastFailureAt.plus(pauseAfter(failedPasses)));
    }
}

package org.ruralcredit.rating.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rating")
public interface RatingConfig {

    /** How often marked households are re-rated (read by the scheduler). */
    Optional<String> rerateInterval();

    /**
     * The quiet period of event-driven re-rating: a marked household is rated once its latest mark
     * is this old, so a burst of changes to one household gives one rating. It adds to the
     * registry-to-gateway propagation time, so it stays short.
     */
    @WithDefault("300ms")
    Duration debounce();

    Campaign campaign();

    Monitoring monitoring();

    Pricing pricing();

    interface Campaign {
        /** The public-posting window (公示期) when a campaign does not name one. */
        @WithDefault("7")
        int postingDays();

        /**
         * Threads of this instance that rate campaigns' lanes side by side (replicas add theirs).
         * Two keep a session's round trips from idling the database's cores.
         */
        @WithDefault("2")
        int workers();

        /** The most lanes a campaign is cut into (the most workers that can rate it at once). */
        @WithDefault("8")
        int lanes();

        /** The fewest households a lane is cut for: a small campaign is one lane. */
        @WithDefault("2000")
        int laneHouseholds();
    }

    interface Monitoring {
        /** WEAK_SEPARATION below this KS. */
        @WithDefault("0.2")
        double ksFloor();

        /** Cut points of the score bins the PSI compares. */
        List<Double> scoreCuts();
    }

    interface Pricing {
        /** Target margin m in r = (1 + (n + 1)·m) / n, as a fraction. */
        BigDecimal targetMargin();

        /** Relative tolerance of the check of the model's stated PDO against the odds. */
        double pdoTolerance();
    }
}

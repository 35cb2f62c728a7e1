package org.ruralcredit.commons.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserBucketsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final UserBuckets buckets = new UserBuckets(
            Map.of(
                    "reports",
                    new UserBuckets.Limit(3, Duration.ofMinutes(1)),
                    "imports",
                    new UserBuckets.Limit(1, Duration.ofMinutes(10))),
            clock);

    @Test
    void aUserMakesCapacityCallsAtOnceThenWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), buckets.take("reports", "loan-officer"), "call " + (i + 1));
        }
        Duration wait = buckets.take("reports", "loan-officer").orElseThrow();
        // three tokens a minute: one comes back every 20 s
        assertEquals(20, wait.toSeconds());
        clock.advance(Duration.ofSeconds(19));
        assertTrue(buckets.take("reports", "loan-officer").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), buckets.take("reports", "loan-officer"));
    }

    @Test
    void eachUserAndEachBucketCountsApart() {
        assertEquals(Optional.empty(), buckets.take("imports", "official-linshan"));
        assertTrue(buckets.take("imports", "official-linshan").isPresent());
        assertEquals(Optional.empty(), buckets.take("imports", "official-mazhu"));
        assertEquals(Optional.empty(), buckets.take("reports", "official-linshan"));
    }

    @Test
    void aBucketNobodyConfiguredIsADeploymentErrorNotAnOpenDoor() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> buckets.take("consents", "loan-officer"));
        assertTrue(e.getMessage().contains("ruralcredit.rate-limit.buckets.consents.capacity"), e.getMessage());
    }

    @Test
    void aLimitWithoutCapacityOrPeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UserBuckets.Limit(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new UserBuckets.Limit(5, Duration.ZERO));
    }
}

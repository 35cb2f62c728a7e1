package org.ruralcredit.commons.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per user and bucket name (Bucket4j), kept in memory while the user is active.
 * A bucket untouched for a whole period is full again, so forgetting it loses nothing.
 * Each instance counts on its own: with n replicas a user may make up to n times the limit, which
 * is what the limit is for (a person or a stuck script hammering one pod), not a quota.
 */
public final class UserBuckets {

    /** A limit by name: capacity tokens, refilled evenly over the period. */
    public record Limit(int capacity, Duration period) {

        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs capacity ≥ 1 and a positive period");
            }
        }
    }

    private record Key(String bucket, String user) {}

    private final Function<String, Optional<Limit>> limits;
    private final TimeMeter clock;
    private final Cache<Key, Bucket> buckets;

    public UserBuckets(Map<String, Limit> limits, TimeMeter clock) {
        this.limits = name -> Optional.ofNullable(limits.get(name));
        this.clock = clock;
        Duration longest = limits.values().stream()
                .map(Limit::period)
                .max(Duration::compareTo)
                .orElse(Duration.ofMinutes(1));
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(longest)
                .maximumSize(100_000)
                .ticker(clock.isWallClockBased() ? Ticker.systemTicker() : clock::currentTimeNanos)
                .build();
    }

    /**
     * Takes one call from the user's bucket: empty when the call may go on, otherwise how long
     * until it could.
     *
     * @throws IllegalStateException when no limit of that name is configured (a deployment error)
     */
    public Optional<Duration> take(String bucket, String user) {
        Limit limit = limits.apply(bucket)
                .orElseThrow(() -> new IllegalStateException("no rate limit configured for bucket '" + bucket
                        + "': set ruralcredit.rate-limit.buckets." + bucket + ".capacity and .period"));
        ConsumptionProbe probe = buckets.get(
                        new Key(bucket, user),
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(limit.capacity())
                                        .refillGreedy(limit.capacity(), limit.period())
                                        .build())
                                .withCustomTimePrecision(clock)
                                .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}

package org.ruralcredit.commons.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;

/** The service's per-user buckets, as configured; refusals are counted by bucket. */
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final UserBuckets buckets;
    private final MeterRegistry metrics;

    public RateLimiter(RateLimitConfig config, MeterRegistry metrics) {
        this.enabled = config.enabled();
        this.buckets = new UserBuckets(
                config.buckets().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                e -> new UserBuckets.Limit(
                                        e.getValue().capacity(), e.getValue().period()))),
                TimeMeter.SYSTEM_NANOTIME);
        this.metrics = metrics;
    }

    /** Empty when the user may go on; otherwise how long until the bucket has a call again. */
    public Optional<Duration> take(String bucket, String user) {
        if (!enabled) {
            return Optional.empty();
        }
        Optional<Duration> wait = buckets.take(bucket, user);
        if (wait.isPresent()) {
            metrics.counter("ruralcredit_rate_limited", "bucket", bucket).increment();
        }
        return wait;
    }
}

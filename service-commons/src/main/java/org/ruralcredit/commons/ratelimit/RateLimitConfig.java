package org.ruralcredit.commons.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-user limits by bucket name; a service configures the buckets its endpoints name. */
@ConfigMapping(prefix = "ruralcredit.rate-limit")
public interface RateLimitConfig {

    /** Off only where a benchmark measures throughput, never in production. */
    @WithDefault("true")
    boolean enabled();

    Map<String, Limit> buckets();

    interface Limit {

        /** Calls a user may make at once, and again each period (refilled evenly across it). */
        int capacity();

        Duration period();
    }
}

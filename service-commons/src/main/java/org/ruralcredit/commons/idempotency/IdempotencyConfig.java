package org.ruralcredit.commons.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ruralcredit.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key is remembered: a resend within it gets the first answer, a later one is a new
     * request. A tablet that was offline a month still syncs safely.
     */
    @WithDefault("P30D")
    Duration keep();
}

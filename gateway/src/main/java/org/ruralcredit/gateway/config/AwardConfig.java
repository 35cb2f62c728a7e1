package org.ruralcredit.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Household award checks (文明诚信家庭). */
@ConfigMapping(prefix = "ruralcredit.awards")
public interface AwardConfig {

    /** Moral-bank points a household needs this year (inclusive); 80 is the moral-credit eligibility line. */
    @WithDefault("80")
    int minMoralPoints();

    /** Households per batch. */
    @WithDefault("200")
    int maxBatch();
}

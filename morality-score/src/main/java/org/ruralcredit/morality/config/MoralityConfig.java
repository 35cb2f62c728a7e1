package org.ruralcredit.morality.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the moral bank that are not part of the versioned rule catalogue. */
@ConfigMapping(prefix = "ruralcredit.morality")
public interface MoralityConfig {

    /** Where "today", "this year" and "this month" are reckoned: deeds and postings follow local dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** How many of the latest entries a household profile shows. */
    @WithDefault("10")
    int recentEntries();
}

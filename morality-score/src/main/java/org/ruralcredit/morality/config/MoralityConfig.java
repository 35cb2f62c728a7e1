package org.ruralcredit.morality.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the moral bank that are not part of the versioned rule catalogue. */
@ConfigMapping(prefix = "ruralcredit.morality")
public interface MoralityConfig {

    /** How many of the latest entries a household profile shows. */
    @WithDefault("10")
    int recentEntries();
}

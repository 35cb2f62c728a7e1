package org.ruralcredit.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "registry.divisions")
public interface DivisionDataConfig {

    /** Edition year of the shipped statistical division codes. */
    @WithDefault("2023")
    short edition();

    /** Classpath folder holding provinces/cities/areas/streets/villages .csv.gz. */
    @WithDefault("divisions")
    String resourceFolder();
}

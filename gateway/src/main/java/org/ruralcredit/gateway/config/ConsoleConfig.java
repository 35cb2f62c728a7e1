package org.ruralcredit.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web console: where it finds the gateway's own API, and how long a page waits for an API. */
@ConfigMapping(prefix = "ruralcredit.console")
public interface ConsoleConfig {

    /** The gateway's own API; the console calls it over HTTP like any client, so its rules apply unchanged. */
    URI gatewayUrl();

    @WithDefault("15s")
    Duration timeout();
}

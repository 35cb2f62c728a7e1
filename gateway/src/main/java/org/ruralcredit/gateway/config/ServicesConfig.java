package org.ruralcredit.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the services the reports read from are, and how long a report waits for each. The REST
 * clients take their URLs from here ({@code quarkus.rest-client.*.url} refer to these keys); a call
 * that has not answered within its timeout leaves its section out and the report incomplete.
 */
@ConfigMapping(prefix = "ruralcredit.services")
public interface ServicesConfig {

    Endpoint registry();

    Endpoint rating();

    Endpoint morality();

    Endpoint sme();

    interface Endpoint {
        URI url();

        /** The whole call, token included. */
        @WithDefault("2s")
        Duration timeout();
    }
}

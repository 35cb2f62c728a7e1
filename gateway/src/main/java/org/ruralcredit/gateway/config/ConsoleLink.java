package org.ruralcredit.gateway.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the web console lives, for old links to the gateway's /console. */
@ConfigMapping(prefix = "ruralcredit.console")
public interface ConsoleLink {

    /** The console's address (scheme, host, port), e.g. http://127.0.0.1:8085; absent: /console answers 404. */
    Optional<URI> url();
}

package org.ruralcredit.commons.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ruralcredit.outbox")
public interface OutboxConfig {

    /** The service name written into every envelope's {@code producer}. */
    String producer();

    /**
     * Prepended to every topic; the test profile uses {@code test.} so test runs never feed a
     * locally running stack on the same broker.
     */
    Optional<String> topicPrefix();

    /** Rows published per relay pass. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch. */
    @WithDefault("10s")
    Duration sendTimeout();
}

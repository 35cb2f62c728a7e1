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

    /**
     * Events stamped published after which the relay vacuums the outbox table (0: never, leave it
     * to autovacuum). A stamped row leaves the index of unpublished rows only when the table is
     * vacuumed, and every pass walks the entries left: at a million events in a burst, before
     * autovacuum came round, 6 ms a pass instead of under 1.
     */
    @WithDefault("20000")
    long vacuumAfter();

    /**
     * How long a published row stays in the outbox (for an operator asking whether and when an event
     * left); older ones are deleted. The broker keeps the events themselves.
     */
    @WithDefault("P7D")
    Duration keepPublished();
}

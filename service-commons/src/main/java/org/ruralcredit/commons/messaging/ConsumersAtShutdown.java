package org.ruralcredit.commons.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Whether the service has begun to stop. A record that fails from then on failed because the
 * service is going (its database sessions close before the Kafka consumers do), not because of
 * what it holds: {@link SharedDeadLetterQueue} leaves such a record unacknowledged, so its offset
 * is not committed and the next instance reads it again (the inbox skips what was applied).
 * Without this, every record in flight at a stop went to the dead-letter topic, lost to the consumer.
 */
@ApplicationScoped
@Unremovable
public class ConsumersAtShutdown {

    private volatile boolean stopping;

    public boolean stopping() {
        return stopping;
    }

    // before other shutdown observers: the flag is up before anything closes
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }
}

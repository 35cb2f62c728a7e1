package org.ruralcredit.commons.idempotency;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Deletes idempotency keys older than {@code ruralcredit.idempotency.keep}: a resend after that is
 * a new request. Runs in every service with service-commons and does nothing where the service
 * has no {@code idempotency_key} table.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);
    /** Rows per transaction, so a first prune after months does not hold one huge delete. */
    static final int BATCH = 5000;

    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyRetention(IdempotencyStore store, IdempotencyConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${ruralcredit.idempotency.prune-interval:1h}",
            delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                LOG.infof("deleted %d idempotency keys older than %s", deleted, config.keep());
            }
        } catch (RuntimeException e) {
            LOG.warnf("idempotency key retention pass failed, will retry: %s", e.getMessage());
        }
    }

    /** Deletes every key created before the retention period, batch by batch; returns how many. */
    public int prune() {
        Instant cutoff = Instant.now(clock).minus(config.keep());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> store.deleteCreatedBefore(cutoff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

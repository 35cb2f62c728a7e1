package org.ruralcredit.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Deletes outbox rows published longer ago than {@code ruralcredit.outbox.keep-published}. Without
 * it the table keeps every event the service ever announced (a million-household import leaves a
 * million rows of about 2 kB), and each of the relay's vacuums walks all their index entries.
 * A row not yet published is never deleted, however old.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    /** Rows per transaction, so a first prune after months does not hold one huge delete. */
    static final int BATCH = 5000;

    private final EntityManager em;
    private final OutboxConfig config;

    public OutboxRetention(EntityManager em, OutboxConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(
            every = "${ruralcredit.outbox.prune-interval:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                LOG.infof("deleted %d outbox rows published more than %s ago", deleted, config.keepPublished());
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox retention pass failed, will retry: %s", e.getMessage());
        }
    }

    /** Deletes every row published before the retention period, batch by batch; returns how many. */
    public int prune() {
        long keepSeconds = config.keepPublished().toSeconds();
        int total = 0;
        int deleted;
        do {
            // oldest ids first: published in id order, the old rows lie at the low end of the primary key
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("""
                            DELETE FROM outbox_event WHERE id IN (
                                SELECT id FROM outbox_event
                                WHERE published_at < now() - make_interval(secs => ?1)
                                ORDER BY id LIMIT ?2)""")
                            .setParameter(1, (double) keepSeconds)
                            .setParameter(2, BATCH)
                            .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

package org.ruralcredit.commons.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.messaging.SharedProducer;
import org.ruralcredit.commons.scheduling.PromptRunner;

/**
 * Publishes committed outbox rows to Kafka in id order and stamps them published.
 *
 * <p>Only one relay per database publishes at a time (a transaction-scoped advisory lock), so
 * several replicas of a service never reorder one aggregate's events. A row is stamped only after
 * the broker acknowledged it; a crash in between re-sends it, which idempotent consumers absorb:
 * at-least-once on the wire, exactly-once in effect.
 *
 * <p>Order per aggregate holds even when sends fail: a pass reads the oldest unpublished rows and
 * sends only the first of each aggregate (topic and key) among them, so an aggregate's next event
 * leaves only once the one before it is stamped. Without that, an event refused while the broker
 * was away and sent again later would arrive after its successor, which had gone through.
 *
 * <p>While the broker is away a send is neither acknowledged nor refused for as long as the
 * producer keeps retrying. Such a batch stays in flight: the relay sends nothing more until the
 * producer has settled every row of it, then stamps those acknowledged. Sending the rows again
 * meanwhile would queue one more copy of every event per pass, all delivered when the broker
 * returns.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same for every replica of a service. */
    private static final long RELAY_LOCK_KEY = 0x52434F5554424F58L;

    private static final Pass IDLE = new Pass(0, false);

    private final EntityManager em;
    private final DataSource dataSource;
    private final OutboxConfig config;
    private final SharedProducer producer;
    private final Counter published;
    /** Prometheus {@code ruralcredit_outbox_oldest_unpublished_seconds}. */
    public static final String OLDEST_UNPUBLISHED = "ruralcredit.outbox.oldest.unpublished";
    /** When the oldest unpublished row was written, in epoch milliseconds, as last measured; -1: none. */
    private volatile long oldestUnpublishedAt = -1;
    /** Rows this relay stamped since it last vacuumed the table; only the runner's thread touches it. */
    private long stampedSinceVacuum;
    /** The batch whose acknowledgements were still outstanding when the last pass stopped waiting. */
    private volatile Batch inFlight;

    private final PromptRunner runner = new PromptRunner("outbox-relay", this::relayPending);

    /** What one pass did, and whether another should follow at once. */
    record Pass(int published, boolean more) {}

    /** Rows handed to the producer, each with its acknowledgement. */
    private record Batch(List<Long> ids, List<CompletableFuture<Void>> acks) {

        boolean settled() {
            return acks.stream().allMatch(CompletableFuture::isDone);
        }

        List<Long> acknowledged() {
            List<Long> done = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (acks.get(i).isDone() && !acks.get(i).isCompletedExceptionally()) {
                    done.add(ids.get(i));
                }
            }
            return done;
        }
    }

    public OutboxRelay(
            EntityManager em,
            DataSource dataSource,
            OutboxConfig config,
            SharedProducer producer,
            MeterRegistry registry) {
        this.em = em;
        this.dataSource = dataSource;
        this.config = config;
        this.producer = producer;
        this.published = Counter.builder("outbox.events.published")
                .description("Events the outbox relay handed to Kafka and saw acknowledged")
                .register(registry);
        Gauge.builder(OLDEST_UNPUBLISHED, this, OutboxRelay::oldestUnpublishedSeconds)
                .description("Age of the oldest outbox row not yet published (0 when none), measured every few seconds")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The age of the oldest unpublished row as last measured, in seconds at the time of asking; 0 when none. */
    public double oldestUnpublishedSeconds() {
        long at = oldestUnpublishedAt;
        return at < 0 ? 0 : Math.max(0, System.currentTimeMillis() - at) / 1000.0;
    }

    /**
     * Reads when the oldest unpublished row was written: the first entry of the partial index of
     * unpublished rows, so a cheap look-up however large the table, and never per scrape. A failed
     * read (database away) keeps the last figure.
     */
    @Scheduled(
            every = "${ruralcredit.outbox.age-interval:5s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void measureBacklog() {
        try {
            oldestUnpublishedAt = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Number> oldest = em.createNativeQuery("""
                                SELECT extract(epoch FROM created_at) * 1000 FROM outbox_event
                                WHERE published_at IS NULL ORDER BY id LIMIT 1""").getResultList();
                return oldest.isEmpty() ? -1L : oldest.get(0).longValue();
            });
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not measured: %s", e.getMessage());
        }
    }

    /** Woken when a transaction that recorded events commits (Outbox), so an event leaves at once. */
    public void wake() {
        runner.wake(Duration.ZERO);
    }

    /**
     * The poll only catches what no wake announced: rows of another replica, of a pass that failed,
     * or left from before a restart. (The scheduler's own resolution is one second.)
     */
    @Scheduled(
            every = "${ruralcredit.outbox.poll-interval:1s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @PreDestroy
    void stop() {
        runner.close();
    }

    /** Every pass runs on the runner's one thread, whoever asked for it. */
    void relayPending() {
        try {
            Pass pass;
            do {
                pass = QuarkusTransaction.requiringNew().call(this::publishOneBatch);
            } while (pass.more());
        } catch (RuntimeException e) {
            // The broker or the database is away; the rows stay unpublished and the next pass retries.
            LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
        }
        if (config.vacuumAfter() > 0 && stampedSinceVacuum >= config.vacuumAfter()) {
            vacuum();
        }
    }

    /**
     * Clears the index entries of stamped rows, outside any transaction (VACUUM cannot run in one).
     * INDEX_CLEANUP ON: with few dead rows in a large table PostgreSQL would otherwise skip the
     * indexes, and the entries this is for would stay.
     */
    private void vacuum() {
        stampedSinceVacuum = 0;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (INDEX_CLEANUP ON) outbox_event");
        } catch (SQLException e) {
            LOG.warnf("could not vacuum the outbox table; autovacuum is left to it: %s", e.getMessage());
        }
    }

    /** Publishes up to one batch, the first unpublished row of each aggregate among the oldest. */
    Pass publishOneBatch() throws Exception {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK_KEY)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return IDLE;
        }
        Batch previous = inFlight;
        if (previous != null) {
            if (!previous.settled()) {
                return IDLE;
            }
            inFlight = null;
            return new Pass(markPublished(previous.acknowledged()), true);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT id, topic, aggregate_id, payload FROM outbox_event
                        WHERE published_at IS NULL ORDER BY id LIMIT ?1""").setParameter(1, config.batchSize()).getResultList();
        if (rows.isEmpty()) {
            return IDLE;
        }
        Set<String> aggregates = new HashSet<>();
        List<Long> ids = new ArrayList<>(rows.size());
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            // the window starts at the oldest unpublished row, so a later row of an aggregate seen
            // here has its predecessor unpublished: it waits for a later pass
            if (aggregates.add(row[1] + "\u0000" + row[2])) {
                ids.add(((Number) row[0]).longValue());
                acks.add(producer.send((String) row[1], (String) row[2], (String) row[3], null));
            }
        }
        Batch batch = new Batch(ids, acks);
        boolean more = rows.size() == config.batchSize() || ids.size() < rows.size();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            inFlight = batch;
            LOG.warnf(
                    "the broker has not acknowledged %d events within %s; they stay in flight",
                    ids.size(), config.sendTimeout());
            return IDLE;
        } catch (ExecutionException e) {
            int acknowledged = markPublished(batch.acknowledged());
            LOG.warnf(
                    "the broker refused %d of %d events (%s); they are sent again on the next pass",
                    ids.size() - acknowledged,
                    ids.size(),
                    e.getCause() == null ? e : e.getCause().getMessage());
            return new Pass(acknowledged, false);
        }
        return new Pass(markPublished(ids), more);
    }

    private int markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY(?1) AND published_at IS NULL")
                .setParameter(1, ids.toArray(Long[]::new))
                .executeUpdate();
        published.increment(ids.size());
        stampedSinceVacuum += ids.size();
        return ids.size();
    }
}

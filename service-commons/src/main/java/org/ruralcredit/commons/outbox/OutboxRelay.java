package org.ruralcredit.commons.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes committed outbox rows to Kafka in id order and stamps them published.
 *
 * <p>Only one relay per database publishes at a time (a transaction-scoped advisory lock), so
 * several replicas of a service never reorder one aggregate's events. A batch is marked only after
 * the broker acknowledged all of it; a crash in between re-sends the batch, which idempotent
 * consumers absorb: at-least-once on the wire, exactly-once in effect.
 *
 * <p>While the broker is away a send is neither acknowledged nor refused for as long as the
 * producer keeps retrying. Such a batch stays in flight: the relay sends nothing more until the
 * producer has settled it, then marks it published if it was acknowledged late. Sending the rows
 * again meanwhile would queue one more copy of every event per pass, all delivered when the
 * broker returns.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same for every replica of a service. */
    private static final long RELAY_LOCK_KEY = 0x52434F5554424F58L;

    private final EntityManager em;
    private final OutboxConfig config;
    private final Emitter<String> emitter;
    private final Counter published;
    /** The batch whose acknowledgements were still outstanding when the last pass gave up waiting. */
    private volatile InFlight inFlight;

    private record InFlight(List<Long> ids, CompletableFuture<Void> acks) {
    }

    public OutboxRelay(EntityManager em, OutboxConfig config,
                       @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       Emitter<String> emitter,
                       MeterRegistry registry) {
        this.em = em;
        this.config = config;
        this.emitter = emitter;
        this.published = Counter.builder("outbox.events.published")
                .description("Events the outbox relay handed to Kafka and saw acknowledged")
                .register(registry);
    }

    @Scheduled(every = "${ruralcredit.outbox.poll-interval:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishOneBatch);
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            // The broker or the database is away; the rows stay unpublished and the next pass retries.
            LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    /** Publishes up to one batch; returns how many rows were published. */
    int publishOneBatch() throws Exception {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        InFlight previous = inFlight;
        if (previous != null) {
            if (!previous.acks().isDone()) {
                return 0;
            }
            inFlight = null;
            if (!previous.acks().isCompletedExceptionally()) {
                return markPublished(previous.ids());
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, topic, aggregate_id, payload FROM outbox_event
                        WHERE published_at IS NULL ORDER BY id LIMIT ?1""")
                .setParameter(1, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> ids = new ArrayList<>(rows.size());
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            acks.add(send((String) row[1], (String) row[2], (String) row[3]));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        try {
            all.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            inFlight = new InFlight(ids, all);
            throw new IllegalStateException("the broker has not acknowledged " + ids.size() + " events within "
                    + config.sendTimeout() + "; they stay in flight", e);
        }
        return markPublished(ids);
    }

    private int markPublished(List<Long> ids) {
        em.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY(?1) AND published_at IS NULL")
                .setParameter(1, ids.toArray(Long[]::new))
                .executeUpdate();
        published.increment(ids.size());
        return ids.size();
    }

    private CompletableFuture<Void> send(String topic, String key, String payload) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).build();
        emitter.send(Message.of(payload, Metadata.of(metadata),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }
}

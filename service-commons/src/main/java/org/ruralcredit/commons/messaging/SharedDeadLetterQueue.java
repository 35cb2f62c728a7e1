package org.ruralcredit.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Failure strategy {@value #STRATEGY}: a record its consumer refused goes to the channel's
 * {@code dead-letter-queue.topic} through the service's {@link SharedProducer}, with the headers
 * the connector's own {@code dead-letter-queue} strategy writes (reason, cause, and where the record
 * came from), and only then is its offset committed. The connector's strategy would open one more
 * producer per consuming channel.
 *
 * <p>A dead letter the broker does not take is sent again, with growing pauses, and the channel waits
 * meanwhile: committing the offset of a record stored nowhere would lose it. A record that fails once
 * the service is stopping ({@link ConsumersAtShutdown}) is neither stored nor acknowledged: the next
 * instance reads it again.
 */
@ApplicationScoped
@Unremovable
@Identifier(SharedDeadLetterQueue.STRATEGY)
public class SharedDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "shared-dead-letter-queue";
    private static final Logger LOG = Logger.getLogger(SharedDeadLetterQueue.class);

    /** Prometheus {@code ruralcredit_dead_letters_total{channel}}: records stored on a dead-letter topic. */
    public static final String DEAD_LETTERS = "ruralcredit.dead.letters";

    private final SharedProducer producer;
    private final MeterRegistry registry;
    private final BooleanSupplier stopping;

    @Inject
    public SharedDeadLetterQueue(SharedProducer producer, MeterRegistry registry, ConsumersAtShutdown shutdown) {
        this(producer, registry, shutdown::stopping);
    }

    SharedDeadLetterQueue(SharedProducer producer, MeterRegistry registry, BooleanSupplier stopping) {
        this.producer = producer;
        this.registry = registry;
        this.stopping = stopping;
    }

    SharedDeadLetterQueue(SharedProducer producer) {
        this(producer, new SimpleMeterRegistry(), () -> false);
    }

    @Override
    public KafkaFailureHandler create(
            KafkaConnectorIncomingConfiguration config,
            Vertx vertx,
            KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        return handler(
                config.getChannel(),
                config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + config.getChannel()));
    }

    KafkaFailureHandler handler(String channel, String topic) {
        return new Handler(channel, topic);
    }

    private final class Handler implements KafkaFailureHandler {

        private final String channel;
        private final String topic;

        private final Counter deadLetters;

        Handler(String channel, String topic) {
            this.channel = channel;
            this.topic = topic;
            this.deadLetters = Counter.builder(DEAD_LETTERS)
                    .description("Records a consumer refused that were stored on the service's dead-letter topic")
                    .tag("channel", channel)
                    .register(registry);
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (stopping.getAsBoolean()) {
                // failed because the service is stopping: neither stored nor acknowledged, read again after
                LOG.infof(
                        "channel %s: the record at %s-%d offset %d failed while the service stops; left for the next"
                                + " start: %s",
                        channel, record.getTopic(), record.getPartition(), record.getOffset(), messageOf(reason));
                return Uni.createFrom().voidItem();
            }
            Headers headers = deadLetterHeaders(record, reason);
            LOG.warnf(
                    "channel %s: the record at %s-%d offset %d goes to %s: %s",
                    channel, record.getTopic(), record.getPartition(), record.getOffset(), topic, messageOf(reason));
            return Uni.createFrom()
                    .completionStage(
                            () -> producer.send(topic, text(record.getKey()), text(record.getPayload()), headers))
                    .onFailure()
                    .invoke(e -> LOG.warnf(
                            "channel %s: dead letter not stored yet, sent again: %s", channel, e.getMessage()))
                    .onFailure()
                    .retry()
                    .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .indefinitely()
                    .invoke(stored -> deadLetters.increment())
                    .chain(() -> Uni.createFrom().completionStage(record::ack))
                    .emitOn(record::runOnMessageContext);
        }
    }

    /** The record's own headers, then where it came from and why it was refused. */
    static Headers deadLetterHeaders(IncomingKafkaRecord<?, ?> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        record.getHeaders().forEach(headers::add);
        add(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        add(headers, "dead-letter-reason", messageOf(reason));
        if (reason.getCause() != null) {
            add(
                    headers,
                    "dead-letter-cause-class-name",
                    reason.getCause().getClass().getName());
            add(headers, "dead-letter-cause", messageOf(reason.getCause()));
        }
        add(headers, "dead-letter-topic", record.getTopic());
        add(headers, "dead-letter-partition", Integer.toString(record.getPartition()));
        add(headers, "dead-letter-offset", Long.toString(record.getOffset()));
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /** Keys and values are text on every channel of the platform. */
    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }
}

package org.ruralcredit.commons.messaging;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The service's one Kafka producer (channel {@code outbox}, topic chosen per record): it carries
 * the outbox relay's events and the consumers' dead letters. Every producer is a network thread,
 * a metrics thread and its buffers; one per dead-letter channel as well cost credit-rating twelve
 * threads and about 3 MiB while idle.
 */
@ApplicationScoped
public class SharedProducer {

    private final Emitter<String> emitter;

    public SharedProducer(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record, exceptionally when it refused it. */
    public CompletableFuture<Void> send(String topic, String key, String value, Headers headers) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key);
        if (headers != null) {
            metadata.withHeaders(headers);
        }
        emitter.send(Message.of(
                value,
                Metadata.of(metadata.build()),
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

package org.ruralcredit.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;

/**
 * Reads a topic from its current end: open it before the action under test, then wait for the
 * events the action should have published. Nothing older than the opening is seen.
 */
public final class KafkaTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    private KafkaTail(String topic) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = partitionsOf(topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** On a new broker the topic may not exist yet: asking for it creates it, its leaders come a moment later. */
    private List<TopicPartition> partitionsOf(String topic) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " has no partitions after 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static KafkaTail of(String topic) {
        return new KafkaTail(topic);
    }

    /** Records (key and decoded envelope) until {@code wanted} matched {@code count} times or the timeout passed. */
    public List<Received> await(Predicate<EventEnvelope<?>> wanted, int count, Duration timeout) {
        return awaitRecords(record -> wanted.test(EventCodec.decode(record.value())), count, timeout).stream()
                .map(r -> new Received(r.key(), r.partition(), r.offset(), EventCodec.decode(r.value())))
                .toList();
    }

    /**
     * Raw records (undecoded: dead letters need not be envelopes) until {@code wanted} matched
     * {@code count} times or the timeout passed.
     */
    public List<ConsumerRecord<String, String>> awaitRecords(
            Predicate<ConsumerRecord<String, String>> wanted, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (matched.size() < count && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (wanted.test(record)) {
                    matched.add(record);
                }
            }
        }
        return matched;
    }

    public record Received(String key, int partition, long offset, EventEnvelope<?> event) {}

    @Override
    public void close() {
        consumer.close();
    }
}

package org.ruralcredit.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedDeadLetterQueueTest {

    /** Answers each send with the next of the given futures, and notes what it was asked to send. */
    private static final class ScriptedProducer extends SharedProducer {
        final List<CompletableFuture<Void>> answers;
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile Headers headers;

        ScriptedProducer(List<CompletableFuture<Void>> answers) {
            super(null);
            this.answers = answers;
        }

        @Override
        public CompletableFuture<Void> send(String topic, String key, String value, Headers headers) {
            this.headers = headers;
            sent.add(topic + "|" + key + "|" + value);
            return answers.get(sent.size() - 1);
        }
    }

    private static IncomingKafkaRecord<String, String> record(List<String> committed) {
        ConsumerRecord<String, String> raw =
                new ConsumerRecord<>("registry.village.v1", 2, 41L, "330281100200", "{oops");
        raw.headers().add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                committed.add(record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        return new IncomingKafkaRecord<>(raw, "registry-village", 0, commits, null, false);
    }

    @Test
    void theOffsetIsCommittedOnlyOnceTheBrokerTookTheDeadLetterAndARefusedOneIsSentAgain() throws Exception {
        CompletableFuture<Void> refused = CompletableFuture.failedFuture(new IllegalStateException("broker away"));
        CompletableFuture<Void> pending = new CompletableFuture<>();
        ScriptedProducer producer = new ScriptedProducer(List.of(refused, pending));
        List<String> committed = new CopyOnWriteArrayList<>();
        IllegalArgumentException reason =
                new IllegalArgumentException("event field 'data' is missing", new IllegalStateException("inner"));

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CompletableFuture<Void> handled = new SharedDeadLetterQueue(producer, registry, () -> false)
                .handler("registry-village", "rating.dead-letter")
                .handle(record(committed), reason, Metadata.empty())
                .subscribeAsCompletionStage();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producer.sent.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(
                List.of("rating.dead-letter|330281100200|{oops", "rating.dead-letter|330281100200|{oops"),
                producer.sent,
                "the refused dead letter was sent again");
        Thread.sleep(200);
        assertTrue(committed.isEmpty(), "no offset committed while the dead letter is unacknowledged");
        assertFalse(handled.isDone());
        assertEquals(0.0, deadLetters(registry), "not counted before the broker has it");

        pending.complete(null);
        handled.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("registry.village.v1-2@41"), committed);
        assertEquals(1.0, deadLetters(registry), "counted once, however often it was sent");

        Headers headers = producer.headers;
        assertEquals("00-abc", text(headers, "traceparent"), "the record's own headers are kept");
        assertEquals("event field 'data' is missing", text(headers, "dead-letter-reason"));
        assertEquals("inner", text(headers, "dead-letter-cause"));
        assertEquals("registry.village.v1", text(headers, "dead-letter-topic"));
        assertEquals("2", text(headers, "dead-letter-partition"));
        assertEquals("41", text(headers, "dead-letter-offset"));
    }

    @Test
    void aRecordThatFailsWhileTheServiceStopsIsNeitherStoredNorCommitted() {
        ScriptedProducer producer = new ScriptedProducer(List.of(CompletableFuture.completedFuture(null)));
        List<String> committed = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new SharedDeadLetterQueue(producer, registry, () -> true)
                .handler("registry-village", "rating.dead-letter")
                .handle(
                        record(committed),
                        new IllegalStateException("EntityManagerFactory is closed"),
                        Metadata.empty())
                .await()
                .atMost(Duration.ofSeconds(5));

        assertTrue(producer.sent.isEmpty(), "no dead letter for a record the stopping service could not apply");
        assertTrue(committed.isEmpty(), "its offset stays uncommitted: the next instance reads it again");
        assertEquals(0.0, deadLetters(registry));
    }

    @Test
    void aReasonWithoutMessageOrCauseIsNamedByItsKind() {
        ScriptedProducer producer = new ScriptedProducer(List.of(CompletableFuture.completedFuture(null)));
        List<String> committed = new CopyOnWriteArrayList<>();

        new SharedDeadLetterQueue(producer)
                .handler("registry-village", "rating.dead-letter")
                .handle(record(committed), new NullPointerException(), Metadata.empty())
                .await()
                .atMost(Duration.ofSeconds(5));

        assertEquals("java.lang.NullPointerException", text(producer.headers, "dead-letter-reason"));
        assertNull(producer.headers.lastHeader("dead-letter-cause"));
        assertEquals(1, committed.size());
    }

    private static double deadLetters(SimpleMeterRegistry registry) {
        return registry.get(SharedDeadLetterQueue.DEAD_LETTERS)
                .tag("channel", "registry-village")
                .counter()
                .count();
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

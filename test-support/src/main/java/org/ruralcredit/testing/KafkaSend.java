package org.ruralcredit.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;

/** Publishes test events straight to the broker, e.g. to deliver one event twice on purpose. */
public final class KafkaSend {

    private KafkaSend() {}

    public static void send(String topic, EventEnvelope<?>... events) {
        send(
                topic,
                Arrays.stream(events).map(EventCodec::encode).toArray(String[]::new),
                events.length == 0 ? null : events[0].aggregateId());
    }

    /** Raw payloads, all under one key (so they land in one partition, in this order). */
    public static void send(String topic, String[] payloads, String key) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String payload : payloads) {
                producer.send(new ProducerRecord<>(topic, key, payload)).get(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A burst: every event under its own aggregate id, sent without waiting in between, all acknowledged at the end. */
    public static void sendEach(String topic, List<? extends EventEnvelope<?>> events) {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<?>> sent = new ArrayList<>(events.size());
            for (EventEnvelope<?> event : events) {
                sent.add(producer.send(new ProducerRecord<>(topic, event.aggregateId(), EventCodec.encode(event))));
            }
            for (Future<?> ack : sent) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return new KafkaProducer<>(props);
    }
}

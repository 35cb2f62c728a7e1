package org.ruralcredit.gateway.messaging;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * How far the report read model is behind each source's topic: the events not yet read by its
 * consumer group (the backfill's progress figure, {@code ruralcredit_report_model_behind_events}).
 * A source counts as caught up once its lag was measured at zero since the gateway started; until
 * then a household the model has not seen is reported as missing, not as unknown.
 */
@ApplicationScoped
public class ReportModelProgress {

    private static final Logger LOG = Logger.getLogger(ReportModelProgress.class);

    /** The read model's sources, by the channel that reads each. */
    public enum Source {
        REGISTRY("report-households"),
        RATING("report-ratings"),
        MORALITY("report-morality"),
        POLICIES("report-policies");

        final String channel;

        Source(String channel) {
            this.channel = channel;
        }
    }

    private final KafkaClientService kafka;
    private final Map<Source, Long> behind = new ConcurrentHashMap<>();
    private final Set<Source> caughtUp = ConcurrentHashMap.newKeySet();

    public ReportModelProgress(KafkaClientService kafka, MeterRegistry registry) {
        this.kafka = kafka;
        for (Source source : Source.values()) {
            Gauge.builder("ruralcredit.report.model.behind", this, p -> p.behind.getOrDefault(source, -1L))
                    .description("Events of a source's topic the report read model has not read yet (-1: not measured)")
                    .baseUnit("events")
                    .tag("source", source.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    /** Whether the model has read everything this source had published at some point since start. */
    public boolean caughtUp(Source source) {
        return caughtUp.contains(source);
    }

    /** Events not yet read per source, as last measured (absent: not measured yet). */
    public Map<Source, Long> behind() {
        return Map.copyOf(behind);
    }

    @Scheduled(
            every = "${ruralcredit.report-model.progress-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        for (Source source : Source.values()) {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(source.channel);
            if (consumer == null) {
                continue;
            }
            consumer.runOnPollingThread(c -> {
                        Set<TopicPartition> assigned = c.assignment();
                        if (assigned.isEmpty()) {
                            return -1L;
                        }
                        Map<TopicPartition, Long> end = c.endOffsets(List.copyOf(assigned));
                        long lag = 0;
                        for (TopicPartition p : assigned) {
                            lag += Math.max(0, end.getOrDefault(p, 0L) - c.position(p));
                        }
                        return lag;
                    })
                    .subscribe()
                    .with(
                            lag -> {
                                if (lag >= 0) {
                                    behind.put(source, lag);
                                    if (lag == 0 && caughtUp.add(source)) {
                                        LOG.infof("report read model caught up with %s", source);
                                    }
                                }
                            },
                            e -> LOG.debugf("report read model lag of %s not measured: %s", source, e.getMessage()));
        }
    }
}

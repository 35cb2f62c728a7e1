package org.ruralcredit.commons.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The broker's state on its own health group, {@code /q/health/group/kafka}, never in readiness:
 * the outbox keeps writes succeeding while Kafka is away, so a broker outage must not take pods
 * out of their Service. Operators and alerts read this group and the outbox-age metric instead.
 * The admin client is made on the first call and asks for the cluster with a short timeout.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaBrokerHealth implements HealthCheck {

    private final Map<String, Object> kafka;
    private Admin admin;

    public KafkaBrokerHealth(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .size();
            return HealthCheckResponse.named("Kafka broker")
                    .up()
                    .withData("nodes", nodes)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down("no answer from the cluster within 3 s");
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("Kafka broker")
                .down()
                .withData("reason", reason)
                .build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            kafka.forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k)) {
                    config.put(k, v);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-" + kafka.getOrDefault("client.id", "service"));
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}

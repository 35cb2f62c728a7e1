package org.ruralcredit.rating.bench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The benchmark's own database (rating_bench), no background work competing with the measured
 * path: no scheduler (rater, campaign worker, the relay's poll) and no consumers. The relay still
 * publishes as each batch commits, as in production, to topics of the benchmark's own ({@code
 * bench.}), which no test run or local stack reads. The outbox is vacuumed as in production, not as
 * often as the test profile asks.
 */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/rating_bench",
                "quarkus.scheduler.enabled", "false",
                "ruralcredit.outbox.vacuum-after", "20000",
                "ruralcredit.outbox.topic-prefix", "bench.",
                "mp.messaging.incoming.registry-village.enabled", "false",
                "mp.messaging.incoming.registry-household.enabled", "false",
                "mp.messaging.incoming.morality-points.enabled", "false",
                "mp.messaging.incoming.lending-loan.enabled", "false",
                "quarkus.log.category.\"org.ruralcredit.rating.service.CampaignRunner\".level", "WARN");
    }
}

package org.ruralcredit.rating.bench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The benchmark's own database (rating_bench), no background work competing with the measured
 * path: no scheduler (rater, campaign worker, the relay's poll) and no consumers. The relay still
 * publishes as each batch commits, as in production, to topics of the benchmark's own ({@code
 * bench.}), which no test run or local stack reads. The outbox is vacuumed as in production, not as
 * often as the test profile asks. The campaign runs on as many workers as {@code -Dbench.threads}
 * says (one instance's {@code rating.campaign.workers}); the divisions are rated on as many threads.
 */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("rating.campaign.workers", System.getProperty("bench.threads", "2")),
                Map.entry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/rating_bench"),
                Map.entry("quarkus.scheduler.enabled", "false"),
                Map.entry("ruralcredit.outbox.vacuum-after", "20000"),
                Map.entry("ruralcredit.outbox.topic-prefix", "bench."),
                Map.entry("mp.messaging.incoming.registry-village.enabled", "false"),
                Map.entry("mp.messaging.incoming.registry-household.enabled", "false"),
                Map.entry("mp.messaging.incoming.morality-points.enabled", "false"),
                Map.entry("mp.messaging.incoming.lending-loan.enabled", "false"),
                Map.entry("quarkus.log.category.\"org.ruralcredit.rating.service.CampaignRunner\".level", "WARN"));
    }
}

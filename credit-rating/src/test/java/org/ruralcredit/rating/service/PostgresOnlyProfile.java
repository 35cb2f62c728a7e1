package org.ruralcredit.rating.service;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service against its PostgreSQL database only: Kafka and Keycloak are pointed at closed ports
 * on purpose, so a test of this profile that passes proves the service logic it calls needs
 * neither. The tests call the services directly (no HTTP, no tokens).
 *
 * <p>No consumers; no scheduler, so the campaign runner, the debounced rater, the expiry pass and
 * the outbox relay's poll run only when a test calls them. A commit that recorded events still
 * wakes the relay, whose send fails against the closed port and is only logged (the rows stay
 * unpublished, as they would while the broker is away). The policy enforcer is fixed at build
 * time; its enforcement mode and the OIDC tenant are runtime settings.
 */
public class PostgresOnlyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", "127.0.0.1:1"),
                Map.entry("mp.messaging.incoming.registry-village.enabled", "false"),
                Map.entry("mp.messaging.incoming.registry-household.enabled", "false"),
                Map.entry("mp.messaging.incoming.morality-points.enabled", "false"),
                Map.entry("mp.messaging.incoming.lending-loan.enabled", "false"),
                Map.entry("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/rural-credit"),
                Map.entry("quarkus.oidc.tenant-enabled", "false"),
                Map.entry("quarkus.keycloak.policy-enforcer.enforcement-mode", "DISABLED"),
                Map.entry("quarkus.scheduler.enabled", "false"),
                // the producer and its admin client retry the closed port for as long as the service runs
                Map.entry("quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR"));
    }
}

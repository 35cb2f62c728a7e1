package org.ruralcredit.morality.service;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service against its PostgreSQL database only: Kafka and Keycloak are pointed at closed ports
 * on purpose, so a test of this profile that passes proves the service logic it calls needs
 * neither. The tests call the services directly (no HTTP, no tokens; the caller is a stand-in,
 * {@link Callers}).
 *
 * <p>No consumer (households enter the directory through the consumer's method, called by the
 * test); no scheduler. A commit that recorded events still wakes the outbox relay, whose send
 * fails against the closed port and is only logged (the rows stay unpublished, as they would
 * while the broker is away). The policy enforcer is fixed at build time; its enforcement mode and
 * the OIDC tenant are runtime settings.
 */
public class PostgresOnlyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:1",
                "mp.messaging.incoming.registry-household.enabled", "false",
                "quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/rural-credit",
                "quarkus.oidc.tenant-enabled", "false",
                "quarkus.keycloak.policy-enforcer.enforcement-mode", "DISABLED",
                "quarkus.scheduler.enabled", "false",
                // the producer and its admin client retry the closed port for as long as the service runs
                "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
    }
}

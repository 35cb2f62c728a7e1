package org.ruralcredit.commons.metrics;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Prometheus {@code ruralcredit_chain_verification_failures_total}: verifications of a hash chain
 * (the moral bank's ledger, the gateway's query register) that found a break. Registered at start,
 * at 0, so that the first failure is an increase the alert sees.
 */
@Singleton
@Startup
public class ChainVerificationFailures {

    public static final String NAME = "ruralcredit.chain.verification.failures";

    private final Counter failures;

    public ChainVerificationFailures(MeterRegistry registry) {
        this.failures = Counter.builder(NAME)
                .description("Hash-chain verifications that found a changed or missing entry")
                .register(registry);
    }

    /** A verification found a break. */
    public void record() {
        failures.increment();
    }
}

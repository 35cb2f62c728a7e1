package org.ruralcredit.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import org.ruralcredit.gateway.domain.LoanClassificationRule;

/**
 * The loan classification rule of the configured thresholds, built when the gateway starts: invalid
 * thresholds fail the start with the reason instead of the first loan report.
 */
@ApplicationScoped
public class LoanClassificationProducer {

    // Singleton, not ApplicationScoped: a record cannot be proxied
    @Produces
    @Singleton
    @Startup
    LoanClassificationRule loanClassificationRule(LoanClassificationConfig config) {
        return config.rule();
    }
}

package org.ruralcredit.gateway.service;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;

/**
 * Reports in the making at one time are bounded: past the limit a request is refused at once
 * (503, Retry-After), before it is registered or any source is called. Without the bound an
 * overload queues source calls that the waiting lenders have long given up on, and the services
 * work through that backlog for minutes after the overload ends.
 */
@ApplicationScoped
public class ReportAdmission {

    private final Semaphore permits;
    private final int limit;

    public ReportAdmission(@ConfigProperty(name = "ruralcredit.reports.max-in-flight", defaultValue = "48") int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /** The reports admitted at one time. */
    public int limit() {
        return limit;
    }

    public <T> T within(Supplier<T> report) {
        if (!permits.tryAcquire()) {
            throw ApiException.busy(GatewayCodes.REPORTS_BUSY, 1, limit);
        }
        try {
            return report.get();
        } finally {
            permits.release();
        }
    }
}

package org.ruralcredit.commons.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;

import org.ruralcredit.commons.time.ServiceClock;

/**
 * The clock of Bean Validation's time constraints ({@code @PastOrPresent}, {@code @Future}, …):
 * China Standard Time. Without it Hibernate Validator reads the JVM's default zone, UTC on the
 * servers, and a fact dated China's today is "in the future" from 00:00 to 08:00 Beijing time.
 * Quarkus' Hibernate Validator extension takes a {@link ClockProvider} bean into its validator
 * factory. It is the service's {@link Clock} bean (ServiceClock's, or the one a test put in its place, so a
 * test that moves the service's clock moves validation too), read in Asia/Shanghai.
 */
@ApplicationScoped
public class ChinaClockProvider implements ClockProvider {

    private final Clock clock;

    /** Validation by {@code clock}'s instant, in China's zone. */
    @Inject
    public ChinaClockProvider(Clock clock) {
        this.clock = clock;
    }

    /**
     * A clock that asks the service's clock for the instant on every reading. Hibernate Validator
     * keeps the clock a time constraint was initialised with; handing it a snapshot of the
     * service's clock (its {@code withZone}) would fix validation to whatever clock was current
     * then, and a test that moves the service's clock later would not move validation.
     */
    @Override
    public Clock getClock() {
        return new ServiceClockInChina(clock);
    }

    private static final class ServiceClockInChina extends Clock {

        private final Clock service;

        ServiceClockInChina(Clock service) {
            this.service = service;
        }

        @Override
        public ZoneId getZone() {
            return ServiceClock.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return ServiceClock.CHINA.equals(zone) ? this : service.withZone(zone);
        }

        @Override
        public Instant instant() {
            return service.instant();
        }
    }
}

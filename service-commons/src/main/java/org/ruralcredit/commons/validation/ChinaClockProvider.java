package org.ruralcredit.commons.validation;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;

/**
 * The clock of Bean Validation's time constraints ({@code @PastOrPresent}, {@code @Future}, …):
 * China Standard Time. Without it Hibernate Validator reads the JVM's default zone, UTC on the
 * servers, and a fact dated China's today is "in the future" from 00:00 to 08:00 Beijing time.
 * Quarkus' Hibernate Validator extension takes a {@link ClockProvider} bean into its validator
 * factory. It is the service's own {@link Clock} bean where the service has one (so a test that
 * moves the service's clock moves validation too), read in Asia/Shanghai; else the system clock.
 */
@ApplicationScoped
public class ChinaClockProvider implements ClockProvider {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    @Inject
    public ChinaClockProvider(Instance<Clock> serviceClock) {
        this(serviceClock.isResolvable() ? serviceClock.get() : Clock.systemUTC());
    }

    /** Validation by {@code clock}'s instant, in China's zone. */
    public ChinaClockProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock.withZone(CHINA);
    }
}

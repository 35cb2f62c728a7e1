package org.ruralcredit.commons.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.ClockProvider;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChinaClockProviderTest {

    record Fact(@PastOrPresent LocalDate asOf) {}

    /** 23:30 UTC on 6 December is 07:30 on 7 December in China. */
    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-12-06T23:30:00Z"), ZoneOffset.UTC);

    private static Validator validatorWith(ClockProvider clocks) {
        return Validation.byDefaultProvider()
                .configure()
                .clockProvider(clocks)
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }

    @Test
    void chinasTodayIsPresentWhileUtcIsStillYesterday() {
        Validator validator = validatorWith(new ChinaClockProvider(LATE_EVENING_UTC));
        assertEquals(0, validator.validate(new Fact(LocalDate.of(2026, 12, 7))).size());
        assertEquals(1, validator.validate(new Fact(LocalDate.of(2026, 12, 8))).size());
    }

    @Test
    void aUtcClockWouldRefuseChinasToday() {
        // what the validator did with the JVM's default zone on a UTC server
        Validator utc = validatorWith(() -> LATE_EVENING_UTC);
        assertEquals(1, utc.validate(new Fact(LocalDate.of(2026, 12, 7))).size());
    }

    @Test
    void aServiceClockInAnotherZoneIsReadInChina() {
        assertEquals(
                ServiceClock.CHINA,
                new ChinaClockProvider(LATE_EVENING_UTC).getClock().getZone());
        assertEquals(LocalDate.of(2026, 12, 7), LocalDate.now(new ChinaClockProvider(LATE_EVENING_UTC).getClock()));
    }

    @Test
    void aClockTakenOnceFollowsTheServicesClockWhenItMoves() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T01:00:00Z"));
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now.get(), zone);
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Clock taken = new ChinaClockProvider(moving).getClock();
        assertEquals(LocalDate.of(2026, 12, 7), LocalDate.now(taken));
        now.set(Instant.parse("2026-12-07T23:30:00Z"));
        assertEquals(
                LocalDate.of(2026, 12, 8),
                LocalDate.now(taken),
                "the clock Hibernate Validator keeps reads the service's clock anew");
    }
}

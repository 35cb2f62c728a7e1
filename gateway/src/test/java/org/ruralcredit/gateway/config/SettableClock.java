package org.ruralcredit.gateway.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Test-only: replaces the gateway's clock so tests do not depend on the hour they run at. Stands
 * on a Wednesday at 10:00 in Shanghai (inside the default working hours) unless a test moves it,
 * and a test that moves it puts it back.
 */
@Alternative
@Priority(1)
@Singleton
public class SettableClock extends Clock {

    public static final Instant WEDNESDAY_10_SHANGHAI = Instant.parse("2026-11-18T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now = new AtomicReference<>(WEDNESDAY_10_SHANGHAI);

    public void set(Instant instant) {
        now.set(instant);
    }

    public void reset() {
        now.set(WEDNESDAY_10_SHANGHAI);
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}

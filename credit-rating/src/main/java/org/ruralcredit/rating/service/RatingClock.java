package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's clock (Asia/Shanghai dates). One bean, so posting windows and validity dates can
 * be moved in tests instead of waiting.
 */
@ApplicationScoped
public class RatingClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Clock clock() {
        return Clock.system(ZONE);
    }

    public Instant now() {
        return Instant.now(clock());
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }
}

package org.ruralcredit.commons.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of "now" in every service: a {@link Clock} bean in China Standard Time, so
 * "today" is China's date (a day ahead of UTC from 00:00 to 08:00 Beijing time). Services inject
 * it and read {@code Instant.now(clock)} or {@code LocalDate.now(clock)}; the layering rules refuse
 * a {@code now()} without it. A test moves time by replacing the bean (QuarkusMock or an
 * {@code @Alternative}), and Bean Validation's time constraints follow (ChinaClockProvider).
 */
@ApplicationScoped
public class ServiceClock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(CHINA);
    }
}

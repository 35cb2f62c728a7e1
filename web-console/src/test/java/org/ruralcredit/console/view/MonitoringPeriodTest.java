package org.ruralcredit.console.view;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MonitoringPeriodTest {

    @Test
    void theRecentYearAgainstTheYearBefore() {
        MonitoringPeriod p = MonitoringPeriod.defaults(LocalDate.of(2026, 12, 7));
        assertEquals(LocalDate.of(2025, 12, 8), p.from());
        assertEquals(LocalDate.of(2026, 12, 7), p.to());
        assertEquals(LocalDate.of(2024, 12, 8), p.baselineFrom());
        assertEquals(LocalDate.of(2025, 12, 7), p.baselineTo());
    }

    @Test
    void todayIsChinasDate() {
        // 2026-12-06 20:30 UTC is already 12-07 in China
        assertEquals(
                LocalDate.of(2026, 12, 7),
                MonitoringPeriod.defaults(Formats.today(Instant.parse("2026-12-06T20:30:00Z")))
                        .to());
    }

    @Test
    void aTypedDateOrTheDefault() {
        LocalDate fallback = LocalDate.of(2026, 1, 1);
        assertEquals(LocalDate.of(2025, 3, 4), MonitoringPeriod.dateOr(" 2025-03-04 ", fallback));
        assertEquals(fallback, MonitoringPeriod.dateOr("", fallback));
        assertEquals(fallback, MonitoringPeriod.dateOr("2025-13-40", fallback));
    }
}

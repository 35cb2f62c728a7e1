package org.ruralcredit.gateway.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingHoursTest {

    private static final WorkingHours DEFAULT = new WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0),
            LocalTime.of(18, 0),
            ZoneId.of("Asia/Shanghai"));

    @Test
    void weekdayOfficeHoursInShanghaiAreAllowedAndTheEdgesAreExact() {
        // 2026-11-18 is a Wednesday; Shanghai is UTC+8.
        assertTrue(DEFAULT.allows(Instant.parse("2026-11-18T00:00:00Z"))); // 08:00 local
        assertTrue(DEFAULT.allows(Instant.parse("2026-11-18T09:59:59Z"))); // 17:59:59 local
        assertFalse(DEFAULT.allows(Instant.parse("2026-11-18T10:00:00Z"))); // 18:00 local
        assertFalse(DEFAULT.allows(Instant.parse("2026-11-17T23:59:59Z"))); // 07:59:59 local
    }

    @Test
    void weekendsAreRefusedEvenInOfficeHours() {
        assertFalse(DEFAULT.allows(Instant.parse("2026-11-21T02:00:00Z"))); // Saturday 10:00 local
        assertTrue(DEFAULT.allows(Instant.parse("2026-11-20T02:00:00Z"))); // Friday 10:00 local
    }
}

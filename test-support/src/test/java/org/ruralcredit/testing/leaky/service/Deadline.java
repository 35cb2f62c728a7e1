package org.ruralcredit.testing.leaky.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Fixture: "now" read from the JVM rather than the service's clock. */
public class Deadline {

    @SuppressWarnings("JavaTimeDefaultTimeZone") // the very breach the rule must catch
    public boolean passed(LocalDate due) {
        return LocalDate.now().isAfter(due)
                || LocalDate.now(ZoneOffset.UTC).isAfter(due)
                || Instant.now().getEpochSecond() < 0;
    }
}

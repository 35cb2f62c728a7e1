package org.ruralcredit.testing.layered.service;

import java.time.Clock;
import java.time.LocalDate;

/** Fixture: "now" from the service's clock. */
public class Today {

    private final Clock clock;

    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}

package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Instant;

/**
 * The time a household is marked for re-rating, and the rater's "now" when it looks for marks past
 * their quiet period: real time, because the quiet period is waited out in real time, whatever date
 * a test moves the business clock (the Clock bean) to.
 */
public final class RerateMarks {

    private static final Clock REAL_TIME = Clock.systemUTC();

    private RerateMarks() {}

    public static Instant now() {
        return Instant.now(REAL_TIME);
    }
}

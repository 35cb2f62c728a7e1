package org.ruralcredit.gateway.domain;

import java.time.LocalDate;

/** An objection (异议) must be answered within 20 days of being raised; after that it is overdue. */
public final class AnswerDeadline {

    public static final int DAYS = 20;

    private AnswerDeadline() {}

    public static LocalDate dueOn(LocalDate raisedOn) {
        return raisedOn.plusDays(DAYS);
    }

    /** Open and past its due date (the due date itself is still in time). */
    public static boolean overdue(LocalDate dueOn, boolean answered, LocalDate today) {
        return !answered && today.isAfter(dueOn);
    }
}

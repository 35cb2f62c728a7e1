package org.ruralcredit.gateway.domain;

import java.time.LocalDate;

/**
 * Which loan records a credit report shows. An adverse record (a loan that was ever overdue or
 * classified worse than normal) is kept for five years after it ended — after the loan was settled —
 * and then excluded. Good records, and adverse loans not yet ended, are always shown.
 */
public final class AdverseRecords {

    public static final int RETENTION_YEARS = 5;

    /** What the rule needs of a loan. */
    public record History(boolean settled, LocalDate settledOn, LoanClassification worstClassification,
                          int maxOverdueDays) {
    }

    private AdverseRecords() {
    }

    public static boolean adverse(History h) {
        return h.maxOverdueDays() > 0 || h.worstClassification() != LoanClassification.NORMAL;
    }

    /** Shown on {@code today}: not adverse, or not ended, or ended five years ago or less. */
    public static boolean shown(History h, LocalDate today) {
        if (!adverse(h) || !h.settled() || h.settledOn() == null) {
            return true;
        }
        return !today.isAfter(h.settledOn().plusYears(RETENTION_YEARS));
    }
}

package org.ruralcredit.gateway.domain;

import java.time.LocalDate;

/**
 * Which adverse records a credit report shows. An adverse record is kept for five years after it
 * ended and then excluded. For loans: a loan that was ever overdue or classified worse than normal
 * ended when it was settled; good records, and adverse loans not yet ended, are always shown. For the
 * registry's public-order facts (village-rule violations, penalties, court enforcement, dishonest
 * debtor, false information — every kind is adverse): an ongoing fact is always shown; one no longer
 * ongoing ended, as far as the registry records it, on its own date.
 */
public final class AdverseRecords {

    public static final int RETENTION_YEARS = 5;

    /** What the rule needs of a loan. */
    public record History(
            boolean settled, LocalDate settledOn, LoanClassification worstClassification, int maxOverdueDays) {}

    private AdverseRecords() {}

    public static boolean adverse(History h) {
        return h.maxOverdueDays() > 0 || h.worstClassification() != LoanClassification.NORMAL;
    }

    /** Shown on {@code today}: not adverse, or not ended, or ended five years ago or less. */
    public static boolean shown(History h, LocalDate today) {
        if (!adverse(h) || !h.settled() || h.settledOn() == null) {
            return true;
        }
        return withinRetention(h.settledOn(), today);
    }

    /**
     * A registry public-order fact is shown on {@code today}: ongoing, or of unknown date, or ended
     * (its date) five years ago or less.
     */
    public static boolean publicOrderFactShown(boolean ongoing, LocalDate date, LocalDate today) {
        return ongoing || date == null || withinRetention(date, today);
    }

    private static boolean withinRetention(LocalDate ended, LocalDate today) {
        return !today.isAfter(ended.plusYears(RETENTION_YEARS));
    }
}

package org.ruralcredit.rating.domain.lending;

import java.util.Optional;

/** Decides a loan's tier: the lender's own classification when reported, otherwise from days overdue. */
public final class LoanClassifier {

    private final OverdueThresholds thresholds;

    public LoanClassifier(OverdueThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public static LoanClassifier withDefaults() {
        return new LoanClassifier(OverdueThresholds.DEFAULT);
    }

    /**
     * The lender is accountable for its classification, so a reported tier is taken as given;
     * days are only the fallback.
     */
    public LoanTier classify(Optional<LoanTier> reportedTier, int daysOverdue) {
        return reportedTier.orElseGet(() -> fromDaysOverdue(daysOverdue));
    }

    public LoanTier fromDaysOverdue(int daysOverdue) {
        if (daysOverdue < 0) {
            throw new IllegalArgumentException("days overdue must not be negative: " + daysOverdue);
        }
        if (daysOverdue > thresholds.lossAfterDays()) {
            return LoanTier.LOSS;
        }
        if (daysOverdue > thresholds.doubtfulAfterDays()) {
            return LoanTier.DOUBTFUL;
        }
        if (daysOverdue > thresholds.substandardAfterDays()) {
            return LoanTier.SUBSTANDARD;
        }
        if (daysOverdue > thresholds.specialMentionAfterDays()) {
            return LoanTier.SPECIAL_MENTION;
        }
        return LoanTier.NORMAL;
    }
}

package org.ruralcredit.gateway.domain;

/**
 * The gateway's one rule from overdue days to the five-tier class (贷款五级分类), used wherever a
 * loan is classified. A lender's own classification wins (it answers for it); when it reports only
 * overdue days the class follows from the thresholds: a loan is in a class when its overdue days are
 * strictly more than that class's threshold, and any overdue day is at least 关注. The thresholds are
 * configuration (config/LoanClassificationConfig), so a region may be stricter than the defaults
 * 90/180/360; never laxer than the regulatory floor, which every reported class must respect too.
 */
public record LoanClassificationRule(int substandardAfterDays, int doubtfulAfterDays, int lossAfterDays) {

    /**
     * The regulatory floor (商业银行金融资产风险分类办法): over 90 days overdue at least 次级, over 270
     * at least 可疑, over 360 损失. Law, not configuration.
     */
    static final int FLOOR_SUBSTANDARD_AFTER_DAYS = 90;

    static final int FLOOR_DOUBTFUL_AFTER_DAYS = 270;
    static final int FLOOR_LOSS_AFTER_DAYS = 360;

    /**
     * Refuses thresholds that are not positive or do not strictly increase, and thresholds laxer than
     * the floor: the class derived from overdue days would be one the gateway refuses from a lender.
     */
    public LoanClassificationRule {
        if (substandardAfterDays < 1) {
            throw new IllegalArgumentException("substandardAfterDays must be positive, got " + substandardAfterDays);
        }
        if (!(substandardAfterDays < doubtfulAfterDays && doubtfulAfterDays < lossAfterDays)) {
            throw new IllegalArgumentException("thresholds must strictly increase from 次级 to 损失, got "
                    + substandardAfterDays + ", " + doubtfulAfterDays + ", " + lossAfterDays);
        }
        if (substandardAfterDays > FLOOR_SUBSTANDARD_AFTER_DAYS
                || doubtfulAfterDays > FLOOR_DOUBTFUL_AFTER_DAYS
                || lossAfterDays > FLOOR_LOSS_AFTER_DAYS) {
            throw new IllegalArgumentException("thresholds must not exceed the regulatory floor "
                    + FLOOR_SUBSTANDARD_AFTER_DAYS + ", " + FLOOR_DOUBTFUL_AFTER_DAYS + ", " + FLOOR_LOSS_AFTER_DAYS
                    + " days, got " + substandardAfterDays + ", " + doubtfulAfterDays + ", " + lossAfterDays);
        }
    }

    /** The lender's classification when it gave one (null: none), else the class of the overdue days. */
    public LoanClassification classify(LoanClassification reported, int overdueDays) {
        return reported != null ? reported : fromOverdueDays(overdueDays);
    }

    public LoanClassification fromOverdueDays(int overdueDays) {
        requireNotNegative(overdueDays);
        if (overdueDays > lossAfterDays) {
            return LoanClassification.LOSS;
        }
        if (overdueDays > doubtfulAfterDays) {
            return LoanClassification.DOUBTFUL;
        }
        if (overdueDays > substandardAfterDays) {
            return LoanClassification.SUBSTANDARD;
        }
        return overdueDays > 0 ? LoanClassification.SPECIAL_MENTION : LoanClassification.NORMAL;
    }

    /** The best class a loan this many days overdue may have, whatever the lender or configuration says. */
    public static LoanClassification floor(int overdueDays) {
        requireNotNegative(overdueDays);
        if (overdueDays > FLOOR_LOSS_AFTER_DAYS) {
            return LoanClassification.LOSS;
        }
        if (overdueDays > FLOOR_DOUBTFUL_AFTER_DAYS) {
            return LoanClassification.DOUBTFUL;
        }
        return overdueDays > FLOOR_SUBSTANDARD_AFTER_DAYS ? LoanClassification.SUBSTANDARD : LoanClassification.NORMAL;
    }

    private static void requireNotNegative(int overdueDays) {
        if (overdueDays < 0) {
            throw new IllegalArgumentException("overdue days cannot be negative: " + overdueDays);
        }
    }
}

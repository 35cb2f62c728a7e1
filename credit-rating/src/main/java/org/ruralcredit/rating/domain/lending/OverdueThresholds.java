package org.ruralcredit.rating.domain.lending;

/**
 * Days overdue beyond which a loan falls into each tier when a lender reports only days.
 * A loan is in a tier when its days overdue are strictly greater than that tier's threshold.
 */
public record OverdueThresholds(int specialMentionAfterDays, int substandardAfterDays,
                                int doubtfulAfterDays, int lossAfterDays) {

    /** DESIGN §4: > 90 次级, > 180 可疑, > 360 损失; any day overdue is at least 关注. */
    public static final OverdueThresholds DEFAULT = new OverdueThresholds(0, 90, 180, 360);

    public OverdueThresholds {
        if (specialMentionAfterDays < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
        if (!(specialMentionAfterDays < substandardAfterDays
                && substandardAfterDays < doubtfulAfterDays
                && doubtfulAfterDays < lossAfterDays)) {
            throw new IllegalArgumentException("thresholds must strictly increase from 关注 to 损失: "
                    + specialMentionAfterDays + ", " + substandardAfterDays + ", "
                    + doubtfulAfterDays + ", " + lossAfterDays);
        }
    }
}

package org.ruralcredit.rating.domain.lending;

/**
 * The five-tier loan classification (五级分类) lenders report. Declared from best to worst, so
 * {@link #ordinal()} order is severity order.
 */
public enum LoanTier {
    NORMAL("正常"),
    SPECIAL_MENTION("关注"),
    SUBSTANDARD("次级"),
    DOUBTFUL("可疑"),
    LOSS("损失");

    private final String chineseName;

    LoanTier(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** NPL = 次级 + 可疑 + 损失. */
    public boolean isNonPerforming() {
        return this == SUBSTANDARD || this == DOUBTFUL || this == LOSS;
    }
}

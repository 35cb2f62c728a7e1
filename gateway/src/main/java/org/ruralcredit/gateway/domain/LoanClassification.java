package org.ruralcredit.gateway.domain;

/**
 * The five-tier loan classification (贷款五级分类). Substandard, doubtful and loss together are
 * the non-performing loans.
 */
public enum LoanClassification {
    NORMAL("正常"), SPECIAL_MENTION("关注"), SUBSTANDARD("次级"), DOUBTFUL("可疑"), LOSS("损失");

    private final String chinese;

    LoanClassification(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean nonPerforming() {
        return this == SUBSTANDARD || this == DOUBTFUL || this == LOSS;
    }

    /**
     * The default when a lender reports only overdue days: 0 normal, 1–90 special mention,
     * over 90 substandard, over 180 doubtful, over 360 loss.
     */
    public static LoanClassification fromOverdueDays(int overdueDays) {
        if (overdueDays < 0) {
            throw new IllegalArgumentException("overdue days cannot be negative");
        }
        if (overdueDays > 360) {
            return LOSS;
        }
        if (overdueDays > 180) {
            return DOUBTFUL;
        }
        if (overdueDays > 90) {
            return SUBSTANDARD;
        }
        return overdueDays > 0 ? SPECIAL_MENTION : NORMAL;
    }

    /** Accepts the English code or the Chinese name, as lenders' systems write either. */
    public static LoanClassification parse(String text) {
        for (LoanClassification c : values()) {
            if (c.name().equalsIgnoreCase(text.strip()) || c.chinese.equals(text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown classification");
    }
}

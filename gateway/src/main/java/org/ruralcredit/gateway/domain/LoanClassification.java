package org.ruralcredit.gateway.domain;

/**
 * The five-tier loan classification (贷款五级分类). Substandard, doubtful and loss together are
 * the non-performing loans. Which class overdue days give is {@link LoanClassificationRule}'s to say.
 */
public enum LoanClassification {
    NORMAL("正常"),
    SPECIAL_MENTION("关注"),
    SUBSTANDARD("次级"),
    DOUBTFUL("可疑"),
    LOSS("损失");

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

    /** Declared from best to worst, so the declaration order is the order of severity. */
    public boolean worseThan(LoanClassification other) {
        return compareTo(other) > 0;
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

package org.ruralcredit.rating.domain.scorecard;

/**
 * The facts a scorecard indicator can read. Numeric inputs are compared with numeric bins,
 * categorical ones with value bins; a model naming anything else is refused.
 */
public enum Input {
    HEAD_AGE(true),
    HEAD_EDUCATION(false),
    LABOUR_COUNT(true),
    YEARS_RESIDENT(true),
    MAIN_BUSINESS(false),
    YEARS_EXPERIENCE(true),
    HAS_CERTIFICATES(false),
    NET_ASSETS(true),
    DEBT_TO_ASSET_RATIO(true),
    NET_INCOME_PER_CAPITA(true),
    DEBT_SERVICE_RATIO(true),
    OVERDUE_COUNT_5Y(true),
    /**
     * The share of the household's loans on the five-year record that were never overdue (loans
     * never overdue ÷ loans), not an instalment count: lenders report loans, not instalments.
     */
    ON_TIME_REPAYMENT_RATE(true),
    MORAL_POINTS(true),
    PANEL_SCORE(true),
    PUBLIC_WELFARE_ACTIVITIES(true),
    PUBLIC_ORDER_VIOLATIONS_3Y(true);

    private final boolean numeric;

    Input(boolean numeric) {
        this.numeric = numeric;
    }

    public boolean numeric() {
        return numeric;
    }
}

package org.ruralcredit.rating.domain.division;

/** How a measured value must relate to its threshold; kept exact because ≥ and > differ at the boundary. */
public enum Comparison {
    AT_LEAST("≥"),
    GREATER_THAN(">"),
    LESS_THAN("<"),
    AT_MOST("≤");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * Whether a measured value meets its threshold by this comparison.
     *
     * @param signOfMeasuredMinusThreshold negative, zero or positive
     */
    public boolean holds(int signOfMeasuredMinusThreshold) {
        return switch (this) {
            case AT_LEAST -> signOfMeasuredMinusThreshold >= 0;
            case GREATER_THAN -> signOfMeasuredMinusThreshold > 0;
            case LESS_THAN -> signOfMeasuredMinusThreshold < 0;
            case AT_MOST -> signOfMeasuredMinusThreshold <= 0;
        };
    }
}

package org.ruralcredit.sme.domain;

import java.util.List;

/**
 * What the firm scorecard can measure, and the values a model's bands may name: a whole number
 * (years, yuan), a trend (the ratio of the latest figure to the one before) or a category.
 */
public enum FirmIndicator {

    /** Whole years since founding. */
    YEARS_IN_BUSINESS(Kind.NUMBER),
    /** Last year's figures filed by 30 June, or later. */
    FILINGS_ON_TIME(Kind.CATEGORY, "ON_TIME", "LATE"),
    /** The tax authority's credit grade. */
    TAX_GRADE(Kind.CATEGORY, "A", "B", "M", "C", "D"),
    ABNORMAL_LISTING(Kind.CATEGORY, "NOT_LISTED", "LISTED"),
    /** Tax arrears in yuan. */
    TAX_ARREARS(Kind.NUMBER),
    /** Insured headcount, latest report against the one before. */
    HEADCOUNT_TREND(Kind.TREND),
    /** Electricity of the last three metered months against the same months a year before. */
    UTILITY_TREND(Kind.TREND),
    /** Whether a cross-check flagged the newest filing. */
    CROSS_CHECKS(Kind.CATEGORY, "CONSISTENT", "FLAGGED");

    public enum Kind {
        NUMBER,
        TREND,
        CATEGORY
    }

    private final Kind kind;
    private final List<String> categories;

    FirmIndicator(Kind kind, String... categories) {
        this.kind = kind;
        this.categories = List.of(categories);
    }

    public Kind kind() {
        return kind;
    }

    /** The values a categorical band may list; empty for numbers and trends. */
    public List<String> categories() {
        return categories;
    }

    public static FirmIndicator named(String name) {
        for (FirmIndicator indicator : values()) {
            if (indicator.name().equals(name)) {
                return indicator;
            }
        }
        return null;
    }
}

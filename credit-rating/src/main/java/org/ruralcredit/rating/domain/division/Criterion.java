package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;

/** One line of a rule set, e.g. "credit household share ≥ 70 (%)". */
public record Criterion(Measure measure, Comparison comparison, BigDecimal threshold) {

    public Criterion {
        if (measure == null || comparison == null || threshold == null) {
            throw new IllegalArgumentException("measure, comparison and threshold are required");
        }
    }

    public static Criterion of(Measure measure, Comparison comparison, String threshold) {
        return new Criterion(measure, comparison, new BigDecimal(threshold));
    }
}

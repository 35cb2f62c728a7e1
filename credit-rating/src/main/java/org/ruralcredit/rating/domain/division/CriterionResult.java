package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One row of a division's criteria table: what was measured (rounded for display), the threshold,
 * the comparison and the verdict. The verdict comes from the exact value, not the rounded one.
 */
public record CriterionResult(
        Measure measure,
        Optional<BigDecimal> measuredPercent,
        Comparison comparison,
        BigDecimal threshold,
        CriterionStatus status,
        Optional<String> reason) {

    /** e.g. "信用户占全村农户比例 68.57 ≥ 70: FAIL". */
    public String describe() {
        return measure.chineseLabel() + " "
                + measuredPercent.map(BigDecimal::toPlainString).orElse("—")
                + " " + comparison.symbol() + " " + threshold.toPlainString() + ": " + status
                + reason.map(r -> " (" + r + ")").orElse("");
    }
}

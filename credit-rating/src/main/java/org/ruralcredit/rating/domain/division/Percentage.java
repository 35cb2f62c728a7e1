package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A measured value 100 · numerator / denominator − baselinePoints, kept as its parts so that
 * comparing it with a threshold is exact: rounding happens only for display. Otherwise 69.996%
 * would round to 70.00% and wrongly meet "≥ 70%".
 */
public record Percentage(BigDecimal numerator, BigDecimal denominator, BigDecimal baselinePoints) {

    /** Decimal places of percent shown to people (e.g. 70.59). */
    public static final int DISPLAY_SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Percentage {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
    }

    public static Percentage of(long numerator, long denominator) {
        return new Percentage(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), BigDecimal.ZERO);
    }

    public static Percentage of(BigDecimal numerator, BigDecimal denominator) {
        return new Percentage(numerator, denominator, BigDecimal.ZERO);
    }

    /** This value less a baseline in percentage points (e.g. this year's NPL ratio less last year's). */
    public Percentage minusPoints(BigDecimal points) {
        return new Percentage(numerator, denominator, baselinePoints.add(points));
    }

    /** Sign of (this − threshold), computed as 100·n − (threshold + baseline)·d, with no division. */
    public int compareTo(BigDecimal threshold) {
        return numerator
                .multiply(HUNDRED)
                .compareTo(threshold.add(baselinePoints).multiply(denominator));
    }

    /** For display only: rounded half-up to {@value #DISPLAY_SCALE} places. */
    public BigDecimal rounded() {
        return numerator
                .multiply(HUNDRED)
                .subtract(baselinePoints.multiply(denominator))
                .divide(denominator, DISPLAY_SCALE, RoundingMode.HALF_UP);
    }
}

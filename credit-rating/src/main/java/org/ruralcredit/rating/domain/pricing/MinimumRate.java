package org.ruralcredit.rating.domain.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.ruralcredit.creditline.LenderPolicy;

/**
 * The lowest sustainable yearly rate for good:bad odds n and target margin m, when a bad loan
 * loses its whole principal: lending 1 yuan to each of n good and 1 bad borrower earns n·r and
 * loses 1, and must leave (n + 1)·m, so r = (1 + (n + 1)·m) / n.
 *
 * <p>Rounded up to {@value #SCALE} decimal places: a minimum must never be understated.
 */
public final class MinimumRate {

    public static final int SCALE = 6;

    /** The largest target margin a minimum rate is computed for, the one a lender's policy may set. */
    public static final BigDecimal MAX_MARGIN = LenderPolicy.MAX_TARGET_MARGIN;

    private MinimumRate() {}

    public static BigDecimal forOdds(BigDecimal odds, BigDecimal margin) {
        if (odds == null || odds.signum() <= 0) {
            throw new IllegalArgumentException("odds must be positive: with no good loans no rate is sustainable");
        }
        requireMargin(margin);
        BigDecimal numerator = BigDecimal.ONE.add(odds.add(BigDecimal.ONE).multiply(margin));
        return numerator.divide(odds, MathContext.DECIMAL128).setScale(SCALE, RoundingMode.CEILING);
    }

    /**
     * From counts, without forming n: with n = G / B, r = (B + (G + B)·m) / G, exact in decimals.
     * A band with no good or no bad loans gives {@link RateEstimate.InsufficientData}.
     */
    public static RateEstimate forBand(BandOutcomes band, BigDecimal margin) {
        requireMargin(margin);
        if (!band.hasOdds()) {
            return new RateEstimate.InsufficientData(
                    band.band(),
                    "insufficient data 数据不足: " + band.goods() + " good and " + band.bads()
                            + " bad loans; odds need at least one of each");
        }
        BigDecimal goods = BigDecimal.valueOf(band.goods());
        BigDecimal bads = BigDecimal.valueOf(band.bads());
        BigDecimal rate = bads.add(goods.add(bads).multiply(margin))
                .divide(goods, MathContext.DECIMAL128)
                .setScale(SCALE, RoundingMode.CEILING);
        return new RateEstimate.Sustainable(band.band(), band.goods(), band.bads(), rate);
    }

    /** Whether m is a target margin this formula is used with: 0 ≤ m ≤ {@link #MAX_MARGIN}. */
    public static boolean marginInBounds(BigDecimal margin) {
        return margin != null && margin.signum() >= 0 && margin.compareTo(MAX_MARGIN) <= 0;
    }

    private static void requireMargin(BigDecimal margin) {
        if (!marginInBounds(margin)) {
            throw new IllegalArgumentException("target margin must be between 0 and " + MAX_MARGIN.toPlainString());
        }
    }
}

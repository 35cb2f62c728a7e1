package org.ruralcredit.rating.domain.pricing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinimumRateTest {

    @Test
    void oddsOfNineteenToOneWithTwoPercentMargin() {
        // n = 19, m = 0.02: r = (1 + 20 × 0.02) / 19 = 1.4 / 19 = 0.0736842..., rounded up to 0.073685.
        // Check: 19 good loans pay 19 × 0.0736842 = 1.4; less the lost principal 1 = 0.4 = 2% of 20 lent.
        assertEquals(new BigDecimal("0.073685"), MinimumRate.forOdds(new BigDecimal("19"), new BigDecimal("0.02")));
    }

    @Test
    void zeroMarginIsBreakEven() {
        // n = 4, m = 0: r = 1 / 4 = 25%: four good loans at 25% repay the one lost principal.
        assertEquals(new BigDecimal("0.250000"), MinimumRate.forOdds(new BigDecimal("4"), BigDecimal.ZERO));
    }

    @Test
    void fromBandCountsMatchesTheOddsFormula() {
        // 95 good, 5 bad: n = 19; r = (5 + 100 × 0.02) / 95 = 7 / 95 = 0.0736842... → 0.073685.
        RateEstimate estimate = MinimumRate.forBand(new BandOutcomes("AA", 70, 79, 95, 5), new BigDecimal("0.02"));
        RateEstimate.Sustainable sustainable = assertInstanceOf(RateEstimate.Sustainable.class, estimate);
        assertEquals(new BigDecimal("0.073685"), sustainable.minimumRate());
        assertEquals(95, sustainable.goods());
    }

    @Test
    void betterOddsAllowLowerRates() {
        BigDecimal margin = new BigDecimal("0.02");
        assertTrue(MinimumRate.forOdds(new BigDecimal("50"), margin)
                        .compareTo(MinimumRate.forOdds(new BigDecimal("10"), margin))
                < 0);
    }

    @Test
    void bandWithoutBadLoansIsInsufficientData() {
        RateEstimate estimate = MinimumRate.forBand(new BandOutcomes("AAA", 80, 100, 300, 0), new BigDecimal("0.02"));
        RateEstimate.InsufficientData insufficient = assertInstanceOf(RateEstimate.InsufficientData.class, estimate);
        assertTrue(insufficient.reason().startsWith("insufficient data"));
        assertInstanceOf(
                RateEstimate.InsufficientData.class,
                MinimumRate.forBand(new BandOutcomes("A", 60, 69, 0, 7), new BigDecimal("0.02")));
    }

    @Test
    void refusesNonPositiveOddsAndNegativeMargin() {
        assertThrows(
                IllegalArgumentException.class, () -> MinimumRate.forOdds(BigDecimal.ZERO, new BigDecimal("0.02")));
        assertThrows(
                IllegalArgumentException.class,
                () -> MinimumRate.forOdds(new BigDecimal("-3"), new BigDecimal("0.02")));
        assertThrows(
                IllegalArgumentException.class, () -> MinimumRate.forOdds(BigDecimal.TEN, new BigDecimal("-0.01")));
    }

    @Test
    void twoOddsAtTwoMarginsComputedByHand() {
        // n = 19, m = 0.05: (1 + 20 × 0.05) / 19 = 2 / 19 = 0.1052631... → 0.105264
        assertEquals(new BigDecimal("0.105264"), MinimumRate.forOdds(new BigDecimal("19"), new BigDecimal("0.05")));
        // n = 49, m = 0.02: (1 + 50 × 0.02) / 49 = 2 / 49 = 0.0408163... → 0.040817
        assertEquals(new BigDecimal("0.040817"), MinimumRate.forOdds(new BigDecimal("49"), new BigDecimal("0.02")));
        // n = 49, m = 0.05: (1 + 50 × 0.05) / 49 = 3.5 / 49 = 0.0714285... → 0.071429
        assertEquals(new BigDecimal("0.071429"), MinimumRate.forOdds(new BigDecimal("49"), new BigDecimal("0.05")));
    }

    @Test
    void theMarginIsBoundedByHalf() {
        // n = 19, m = 0.5: (1 + 20 × 0.5) / 19 = 11 / 19 = 0.5789473... → 0.578948
        assertEquals(new BigDecimal("0.578948"), MinimumRate.forOdds(new BigDecimal("19"), new BigDecimal("0.5")));
        assertTrue(MinimumRate.marginInBounds(new BigDecimal("0.5")));
        assertTrue(MinimumRate.marginInBounds(BigDecimal.ZERO));
        assertTrue(!MinimumRate.marginInBounds(new BigDecimal("0.500001")));
        assertThrows(IllegalArgumentException.class, () -> MinimumRate.forOdds(BigDecimal.ONE, new BigDecimal("0.51")));
    }
}

package org.ruralcredit.sme.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossCheckTest {

    private static CrossCheck.Result check(List<CrossCheck.Result> results, String name) {
        return results.stream().filter(r -> r.check().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void grossMarginWithinToleranceIsNotFlagged() {
        // (1,000,000 - 780,000) / 1,000,000 = 22.00%; stated 26.5 is 4.5 points off
        List<CrossCheck.Result> r = CrossCheck.run(
                new CrossCheck.Figures(1_000_000, 780_000, new BigDecimal("26.5"), 2_000_000, 1_200_000, 800_000),
                CrossCheck.Trend.UNKNOWN,
                5);
        CrossCheck.Result margin = check(r, CrossCheck.GROSS_MARGIN);
        assertEquals(new BigDecimal("22.00"), margin.computed());
        assertEquals(new BigDecimal("4.50"), margin.gapPoints());
        assertFalse(margin.flagged());
        assertFalse(check(r, CrossCheck.EQUITY).flagged());
        assertFalse(check(r, CrossCheck.SALES_VS_ELECTRICITY).computable());
    }

    @Test
    void gapJustOverToleranceFlagsAndExplains() {
        // computed 20.00%, stated 25.01 → 5.01 points
        CrossCheck.Result margin = check(
                CrossCheck.run(
                        new CrossCheck.Figures(500_000, 400_000, new BigDecimal("25.01"), 0, 0, 0),
                        CrossCheck.Trend.UNKNOWN,
                        5),
                CrossCheck.GROSS_MARGIN);
        assertTrue(margin.flagged());
        assertEquals(new BigDecimal("5.01"), margin.gapPoints());
        assertTrue(
                margin.explanation()
                        .contains("stated gross margin 25.01% vs (sales 500000 - cost of sales 400000)"
                                + " / sales = 20.00%: gap 5.01 points, over the tolerance of 5.0 points"),
                margin.explanation());
        // exactly at the tolerance is not over it
        assertFalse(check(
                        CrossCheck.run(
                                new CrossCheck.Figures(500_000, 400_000, new BigDecimal("25"), 0, 0, 0),
                                CrossCheck.Trend.UNKNOWN,
                                5),
                        CrossCheck.GROSS_MARGIN)
                .flagged());
    }

    @Test
    void equityGapIsWeighedAgainstAssets() {
        // assets 1,000,000 - liabilities 600,000 = 400,000; stated 470,000 is 7.00 points of assets off
        CrossCheck.Result equity = check(
                CrossCheck.run(
                        new CrossCheck.Figures(1, 0, new BigDecimal("100"), 1_000_000, 600_000, 470_000),
                        CrossCheck.Trend.UNKNOWN,
                        5),
                CrossCheck.EQUITY);
        assertEquals(new BigDecimal("400000"), equity.computed());
        assertEquals(new BigDecimal("7.00"), equity.gapPoints());
        assertTrue(equity.flagged());
        assertFalse(check(
                        CrossCheck.run(
                                new CrossCheck.Figures(0, 0, BigDecimal.ZERO, 0, 0, 0), CrossCheck.Trend.UNKNOWN, 5),
                        CrossCheck.EQUITY)
                .computable());
    }

    @Test
    void salesGrowingWhilePowerFallsIsFlagged() {
        // sales +50% (1.2M → 1.8M), electricity -10% (100,000 → 90,000 kWh): 60 points apart
        CrossCheck.Result trend = check(
                CrossCheck.run(
                        new CrossCheck.Figures(1_800_000, 1_400_000, new BigDecimal("22.22"), 0, 0, 0),
                        new CrossCheck.Trend(1_200_000L, 90_000L, 100_000L),
                        5),
                CrossCheck.SALES_VS_ELECTRICITY);
        assertEquals(new BigDecimal("50.00"), trend.stated());
        assertEquals(new BigDecimal("-10.00"), trend.computed());
        assertEquals(new BigDecimal("60.00"), trend.gapPoints());
        assertTrue(trend.flagged());
        CrossCheck.Result inStep = check(
                CrossCheck.run(
                        new CrossCheck.Figures(1_260_000, 1_000_000, new BigDecimal("20.63"), 0, 0, 0),
                        new CrossCheck.Trend(1_200_000L, 103_000L, 100_000L),
                        5),
                CrossCheck.SALES_VS_ELECTRICITY);
        assertFalse(inStep.flagged(), inStep.explanation());
    }

    @Test
    void toleranceIsConfigurable() {
        CrossCheck.Figures f = new CrossCheck.Figures(1_000_000, 800_000, new BigDecimal("23"), 0, 0, 0);
        assertFalse(check(CrossCheck.run(f, CrossCheck.Trend.UNKNOWN, 5), CrossCheck.GROSS_MARGIN)
                .flagged());
        assertTrue(check(CrossCheck.run(f, CrossCheck.Trend.UNKNOWN, 2), CrossCheck.GROSS_MARGIN)
                .flagged());
    }
}

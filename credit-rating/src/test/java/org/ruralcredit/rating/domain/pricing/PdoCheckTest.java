package org.ruralcredit.rating.domain.pricing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdoCheckTest {

    private final PdoCheck check = new PdoCheck(10, 0.2);

    @Test
    void oddsDoublingEveryTenPointsImplyPdoTen() {
        // Mid-scores 55, 65, 75, 85 with odds 20/10 = 2, 40/10 = 4, 80/10 = 8, 160/10 = 16:
        // ln odds = ln 2 · (1, 2, 3, 4) lies exactly on a line of slope ln 2 / 10, so PDO = 10,
        // and odds 1 (ln odds 0) is 10 points below 55: offset 45.
        PdoFit fit = check.fit(List.of(
                new BandOutcomes("50-59", 50, 60, 20, 10),
                new BandOutcomes("60-69", 60, 70, 40, 10),
                new BandOutcomes("70-79", 70, 80, 80, 10),
                new BandOutcomes("80-89", 80, 90, 160, 10)));
        PdoFit.Fitted fitted = assertInstanceOf(PdoFit.Fitted.class, fit);
        assertEquals(10, fitted.impliedPdo(), 1e-9);
        assertEquals(45, fitted.impliedOffset(), 1e-9);
        assertEquals(Math.log(2) / 10, fitted.slope(), 1e-12);
        assertEquals(4, fitted.bandsUsed());
        assertTrue(fitted.withinTolerance());
    }

    @Test
    void fasterDoublingIsReportedOutsideTolerance() {
        // Mid-scores 60, 70, 80 with odds 2, 4, 16: y = ln 2 · (1, 2, 4), mean x 70, mean y ln 2 · 7/3.
        // Sxy = ln 2 · [(−10)(1 − 7/3) + 0 + 10(4 − 7/3)] = ln 2 · (13.33 + 16.67) = 30 ln 2; Sxx = 200.
        // slope = 0.15 ln 2, implied PDO = 1 / 0.15 = 6.667 — more than 20% away from 10.
        PdoFit fit = check.fit(List.of(
                new BandOutcomes("a", 55, 65, 20, 10),
                new BandOutcomes("b", 65, 75, 40, 10),
                new BandOutcomes("c", 75, 85, 160, 10)));
        PdoFit.Fitted fitted = assertInstanceOf(PdoFit.Fitted.class, fit);
        assertEquals(6.6667, fitted.impliedPdo(), 1e-4);
        assertFalse(fitted.withinTolerance());
    }

    @Test
    void bandsWithoutBadLoansAreSkippedAndNamed() {
        PdoFit fit = check.fit(List.of(
                new BandOutcomes("60-69", 60, 70, 40, 10),
                new BandOutcomes("70-79", 70, 80, 80, 10),
                new BandOutcomes("80-100", 80, 100, 500, 0)));
        PdoFit.Fitted fitted = assertInstanceOf(PdoFit.Fitted.class, fit);
        assertEquals(List.of("80-100"), fitted.skippedBands());
        assertEquals(2, fitted.bandsUsed());
        assertEquals(10, fitted.impliedPdo(), 1e-9);
    }

    @Test
    void fewerThanTwoUsableBandsIsInsufficientData() {
        PdoFit fit = check.fit(
                List.of(new BandOutcomes("60-69", 60, 70, 40, 10), new BandOutcomes("80-100", 80, 100, 500, 0)));
        PdoFit.InsufficientData insufficient = assertInstanceOf(PdoFit.InsufficientData.class, fit);
        assertTrue(insufficient.reason().startsWith("insufficient data"));
        assertEquals(List.of("80-100"), insufficient.skippedBands());
    }

    @Test
    void oddsFallingWithScoreHaveNoPdo() {
        PdoFit fit = check.fit(
                List.of(new BandOutcomes("60-69", 60, 70, 80, 10), new BandOutcomes("70-79", 70, 80, 40, 10)));
        PdoFit.OddsDoNotRise notRising = assertInstanceOf(PdoFit.OddsDoNotRise.class, fit);
        assertTrue(notRising.slope() < 0);
    }
}

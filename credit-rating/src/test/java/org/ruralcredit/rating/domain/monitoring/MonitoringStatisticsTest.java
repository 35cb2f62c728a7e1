package org.ruralcredit.rating.domain.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.creditline.CreditGrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Small data set used throughout, grades by the default bands (AAA ≥ 80, AA 70–79, A 60–69):
 * goods 60 (A), 70 (AA), 80 (AAA), 90 (AAA); bads 50 (below A), 60 (A), 65 (A).
 */
class MonitoringStatisticsTest {

    static final List<ScoreObservation> SAMPLE = List.of(
            good(60, CreditGrade.A),
            good(70, CreditGrade.AA),
            good(80, CreditGrade.AAA),
            good(90, CreditGrade.AAA),
            bad(50, CreditGrade.BELOW_A),
            bad(60, CreditGrade.A),
            bad(65, CreditGrade.A));

    static ScoreObservation good(double score, CreditGrade grade) {
        return new ScoreObservation(score, grade, Outcome.GOOD);
    }

    static ScoreObservation bad(double score, CreditGrade grade) {
        return new ScoreObservation(score, grade, Outcome.BAD);
    }

    @Test
    void defaultRatePerGradeWithCounts() {
        // AAA 0 of 2, AA 0 of 1, A 2 of 3 = 0.6667, below A 1 of 1.
        List<GradeDefaultRate> rates = GradeDefaultRate.byGrade(SAMPLE);
        assertEquals(
                List.of(
                        new GradeDefaultRate(CreditGrade.AAA, 2, 0, new BigDecimal("0.0000")),
                        new GradeDefaultRate(CreditGrade.AA, 1, 0, new BigDecimal("0.0000")),
                        new GradeDefaultRate(CreditGrade.A, 3, 2, new BigDecimal("0.6667")),
                        new GradeDefaultRate(CreditGrade.BELOW_A, 1, 1, new BigDecimal("1.0000"))),
                rates);
    }

    @Test
    void ksIsTheLargestGapBetweenCumulativeDistributions() {
        // Cumulative shares at each distinct score (goods of 4, bads of 3):
        // 50: 0/4 vs 1/3 → 0.333; 60: 1/4 vs 2/3 → 0.417; 65: 1/4 vs 3/3 → 0.750;
        // 70: 2/4 vs 1 → 0.5; 80: 3/4 vs 1 → 0.25; 90: 1 vs 1 → 0. KS = 0.75.
        assertEquals(0.75, KolmogorovSmirnov.statistic(SAMPLE), 1e-12);
    }

    @Test
    void ksDoesNotDependOnTheOrderOfTiedScores() {
        List<ScoreObservation> reversed = new ArrayList<>(SAMPLE);
        Collections.reverse(reversed);
        assertEquals(KolmogorovSmirnov.statistic(SAMPLE), KolmogorovSmirnov.statistic(reversed), 1e-12);
        // Only a tie: one good and one bad at 60 — the distributions are identical, KS 0.
        assertEquals(0, KolmogorovSmirnov.statistic(List.of(good(60, CreditGrade.A), bad(60, CreditGrade.A))), 1e-12);
    }

    @Test
    void aucCountsTiesAsHalf() {
        // 4 × 3 = 12 good–bad pairs. Good 60 beats bad 50 (1), ties bad 60 (½), loses to 65 (0): 1.5.
        // Goods 70, 80, 90 beat all three bads: 9. AUC = 10.5 / 12 = 0.875; Gini = 2 × 0.875 − 1 = 0.75.
        double auc = AreaUnderCurve.of(SAMPLE);
        assertEquals(0.875, auc, 1e-12);
        assertEquals(0.75, AreaUnderCurve.gini(auc), 1e-12);
    }

    @Test
    void aucOfAModelThatRanksBackwardsIsBelowHalf() {
        // Goods 10, 20; bads 30, 40: no good beats any bad, AUC 0, Gini −1.
        double auc = AreaUnderCurve.of(List.of(
                good(10, CreditGrade.BELOW_A),
                good(20, CreditGrade.BELOW_A),
                bad(30, CreditGrade.BELOW_A),
                bad(40, CreditGrade.BELOW_A)));
        assertEquals(0, auc, 1e-12);
        assertEquals(-1, AreaUnderCurve.gini(auc), 1e-12);
    }

    @Test
    void ksAndAucNeedBothOutcomes() {
        List<ScoreObservation> onlyGoods = List.of(good(60, CreditGrade.A), good(70, CreditGrade.AA));
        assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.statistic(onlyGoods));
        assertThrows(IllegalArgumentException.class, () -> AreaUnderCurve.of(onlyGoods));
    }
}

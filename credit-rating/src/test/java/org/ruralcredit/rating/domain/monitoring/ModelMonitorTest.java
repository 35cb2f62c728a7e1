package org.ruralcredit.rating.domain.monitoring;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.creditline.CreditGrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.rating.domain.monitoring.MonitoringStatisticsTest.SAMPLE;
import static org.ruralcredit.rating.domain.monitoring.MonitoringStatisticsTest.bad;
import static org.ruralcredit.rating.domain.monitoring.MonitoringStatisticsTest.good;

class ModelMonitorTest {

    private static final ScoreBins BINS = PopulationStabilityTest.BINS;

    /** The sample's own scores as the baseline: PSI 0. */
    private static final List<Double> SAME_SCORES =
            SAMPLE.stream().map(ScoreObservation::score).toList();

    @Test
    void healthyPeriodHasNoFlags() {
        // KS 0.75 and AUC 0.875 (see MonitoringStatisticsTest); floor 0.3; PSI 0 against itself.
        MonitoringReport report = new ModelMonitor(BINS, MonitoringThresholds.withKsFloor(0.3))
                .report("household-v1", SAMPLE, SAME_SCORES, SAME_SCORES);
        assertEquals(List.of(), report.flags());
        assertEquals(0.75, report.ks().orElseThrow(), 1e-12);
        assertEquals(0.875, report.auc().orElseThrow(), 1e-12);
        assertEquals(0.75, report.gini().orElseThrow(), 1e-12);
        assertEquals(7, report.sample().total());
        assertEquals(3, report.sample().bads());
        assertEquals(4, report.defaultRates().size());
    }

    @Test
    void ksBelowTheFloorIsFlagged() {
        // KS 0.75 < floor 0.8.
        MonitoringReport report = new ModelMonitor(BINS, MonitoringThresholds.withKsFloor(0.8))
                .report("household-v1", SAMPLE, SAME_SCORES, SAME_SCORES);
        assertEquals(List.of(MonitoringFlag.WEAK_SEPARATION), report.flags());
    }

    @Test
    void psiJustBelowTheLimitIsNotFlaggedAndAboveIs() {
        // Baseline shares 0.1/0.2/0.3/0.4 vs the period 0.2/0.3/0.3/0.2: PSI 0.248491 ≤ 0.25 — no flag.
        List<ScoreObservation> period = List.of(
                bad(55, CreditGrade.BELOW_A),
                good(55, CreditGrade.BELOW_A),
                good(65, CreditGrade.A),
                bad(65, CreditGrade.A),
                good(65, CreditGrade.A),
                good(75, CreditGrade.AA),
                good(75, CreditGrade.AA),
                good(75, CreditGrade.AA),
                good(85, CreditGrade.AAA),
                good(85, CreditGrade.AAA));
        ModelMonitor monitor = new ModelMonitor(BINS, MonitoringThresholds.withKsFloor(0));
        MonitoringReport stable =
                monitor.report("household-v1", period, scoresOf(period), PopulationStabilityTest.scores(1, 2, 3, 4));
        assertEquals(0.248491, stable.stability().index(), 1e-6);
        assertTrue(stable.flags().isEmpty());
        // Against a baseline of 0.7/0.1/0.1/0.1: (0.2 − 0.7)·ln(0.2/0.7) + 2 × (0.3 − 0.1)·ln 3 + (0.2 − 0.1)·ln 2
        // = 0.626381 + 0.439445 + 0.069315 = 1.135141 > 0.25.
        MonitoringReport shifted =
                monitor.report("household-v1", period, scoresOf(period), PopulationStabilityTest.scores(7, 1, 1, 1));
        assertEquals(1.135141, shifted.stability().index(), 1e-6);
        assertEquals(List.of(MonitoringFlag.POPULATION_SHIFT), shifted.flags());
    }

    @Test
    void periodWithoutBadsReportsInsufficientOutcomes() {
        List<ScoreObservation> onlyGoods = List.of(good(65, CreditGrade.A), good(85, CreditGrade.AAA));
        MonitoringReport report = new ModelMonitor(BINS, MonitoringThresholds.withKsFloor(0.3))
                .report("household-v1", onlyGoods, List.of(65.0, 85.0), List.of(65.0, 85.0));
        assertTrue(report.ks().isEmpty());
        assertTrue(report.auc().isEmpty());
        assertEquals(List.of(MonitoringFlag.INSUFFICIENT_OUTCOMES), report.flags());
    }

    @Test
    void psiComparesWholePopulationsIncludingLoansWithoutOutcomeYet() {
        // Both periods: 4 loans scored 65 that finished (2 good, 2 bad) and 4 scored 45 still running.
        // Same populations, so PSI 0. Taking only the period's finished loans (bin below 60 empty,
        // share 0.0001, against 0.5 in the baseline) would give (0.0001 − 0.5)·ln(0.0001/0.5)
        // + (1 − 0.5)·ln(1/0.5) = 4.257745 + 0.346574 = 4.604318, a false POPULATION_SHIFT.
        List<ScoreObservation> finished = List.of(
                good(65, CreditGrade.A), good(65, CreditGrade.A), bad(65, CreditGrade.A), bad(65, CreditGrade.A));
        List<Double> population = List.of(65.0, 65.0, 65.0, 65.0, 45.0, 45.0, 45.0, 45.0);
        ModelMonitor monitor = new ModelMonitor(BINS, MonitoringThresholds.withKsFloor(0));
        MonitoringReport report = monitor.report("household-v1", finished, population, population);
        assertEquals(0.0, report.stability().index(), 1e-12);
        assertEquals(List.of(), report.flags());
        assertEquals(4, report.sample().total());
        MonitoringReport finishedOnly = monitor.report("household-v1", finished, scoresOf(finished), population);
        assertEquals(4.604318, finishedOnly.stability().index(), 1e-6);
        assertEquals(List.of(MonitoringFlag.POPULATION_SHIFT), finishedOnly.flags());
    }

    private static List<Double> scoresOf(List<ScoreObservation> observations) {
        return observations.stream().map(ScoreObservation::score).toList();
    }
}

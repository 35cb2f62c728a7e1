package org.ruralcredit.rating.domain.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Builds a monitoring report for one period against a baseline period's scores. */
public final class ModelMonitor {

    private final ScoreBins bins;
    private final MonitoringThresholds thresholds;

    public ModelMonitor(ScoreBins bins, MonitoringThresholds thresholds) {
        this.bins = bins;
        this.thresholds = thresholds;
    }

    /**
     * {@code period} are the period's loans with an outcome (they give default rates, KS and AUC);
     * {@code periodScores} and {@code baselineScores} are the whole scored populations of the two
     * periods, outcome or not (they give the PSI): comparing a baseline's every loan with only the
     * period's finished ones would report a shift that is only the share of loans still running.
     */
    public MonitoringReport report(
            String modelVersion,
            List<ScoreObservation> period,
            List<Double> periodScores,
            List<Double> baselineScores) {
        GoodBadCounts sample = GoodBadCounts.of(period);
        List<MonitoringFlag> flags = new ArrayList<>();
        OptionalDouble ks = OptionalDouble.empty();
        OptionalDouble auc = OptionalDouble.empty();
        OptionalDouble gini = OptionalDouble.empty();
        if (sample.hasBoth()) {
            double ksValue = KolmogorovSmirnov.statistic(period);
            double aucValue = AreaUnderCurve.of(period);
            ks = OptionalDouble.of(ksValue);
            auc = OptionalDouble.of(aucValue);
            gini = OptionalDouble.of(AreaUnderCurve.gini(aucValue));
            if (ksValue < thresholds.ksFloor()) {
                flags.add(MonitoringFlag.WEAK_SEPARATION);
            }
        } else {
            flags.add(MonitoringFlag.INSUFFICIENT_OUTCOMES);
        }
        PopulationStability.Result stability =
                PopulationStability.index(bins, baselineScores, periodScores, thresholds.emptyBinShare());
        if (stability.index() > thresholds.psiLimit()) {
            flags.add(MonitoringFlag.POPULATION_SHIFT);
        }
        return new MonitoringReport(
                modelVersion, sample, GradeDefaultRate.byGrade(period), ks, auc, gini, stability, flags);
    }
}

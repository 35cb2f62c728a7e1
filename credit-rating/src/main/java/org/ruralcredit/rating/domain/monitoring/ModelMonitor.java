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

    public MonitoringReport report(String modelVersion, List<ScoreObservation> period, List<Double> baselineScores) {
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
        PopulationStability.Result stability = PopulationStability.index(bins, baselineScores,
                period.stream().map(ScoreObservation::score).toList(), thresholds.emptyBinShare());
        if (stability.index() > thresholds.psiLimit()) {
            flags.add(MonitoringFlag.POPULATION_SHIFT);
        }
        return new MonitoringReport(modelVersion, sample, GradeDefaultRate.byGrade(period), ks, auc, gini,
                stability, flags);
    }
}

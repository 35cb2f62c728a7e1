package org.ruralcredit.rating.domain.monitoring;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A model version's health over one period, with its sample sizes. KS, AUC and Gini are empty
 * when the period lacks goods or bads.
 */
public record MonitoringReport(
        String modelVersion,
        GoodBadCounts sample,
        List<GradeDefaultRate> defaultRates,
        OptionalDouble ks,
        OptionalDouble auc,
        OptionalDouble gini,
        PopulationStability.Result stability,
        List<MonitoringFlag> flags) {

    public MonitoringReport {
        defaultRates = List.copyOf(defaultRates);
        flags = List.copyOf(flags);
    }
}

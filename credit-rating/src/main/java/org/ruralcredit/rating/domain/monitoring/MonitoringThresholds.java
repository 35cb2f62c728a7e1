package org.ruralcredit.rating.domain.monitoring;

/**
 * When to flag a model: PSI above {@code psiLimit} (0.25: the population has shifted materially)
 * or KS below {@code ksFloor} (the model no longer separates goods from bads well enough).
 */
public record MonitoringThresholds(double psiLimit, double ksFloor, double emptyBinShare) {

    public static MonitoringThresholds withKsFloor(double ksFloor) {
        return new MonitoringThresholds(0.25, ksFloor, PopulationStability.DEFAULT_EMPTY_BIN_SHARE);
    }

    public MonitoringThresholds {
        if (!(psiLimit > 0) || !(ksFloor >= 0 && ksFloor <= 1)) {
            throw new IllegalArgumentException("PSI limit must be positive and KS floor within 0..1");
        }
    }
}

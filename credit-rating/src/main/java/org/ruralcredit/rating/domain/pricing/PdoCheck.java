package org.ruralcredit.rating.domain.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that observed odds double about every PDO points: fits ln(odds) against each band's
 * mid-score by ordinary (unweighted) least squares, one point per band, and compares the implied
 * PDO with the configured one within a relative tolerance.
 */
public final class PdoCheck {

    private final double configuredPdo;
    private final double relativeTolerance;

    /** @param relativeTolerance e.g. 0.2: an implied PDO within ±20% of the configured one is "about" it */
    public PdoCheck(double configuredPdo, double relativeTolerance) {
        if (!(configuredPdo > 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("PDO must be positive and tolerance zero or more");
        }
        this.configuredPdo = configuredPdo;
        this.relativeTolerance = relativeTolerance;
    }

    public PdoFit fit(List<BandOutcomes> bands) {
        List<String> skipped = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (BandOutcomes band : bands) {
            if (band.hasOdds()) {
                points.add(new double[] {band.midScore(), Math.log(band.odds())});
            } else {
                skipped.add(band.band());
            }
        }
        if (points.size() < 2) {
            return new PdoFit.InsufficientData(
                    "insufficient data 数据不足: " + points.size()
                            + " band(s) with both good and bad loans; a fit needs at least 2",
                    List.copyOf(skipped));
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - meanX) * (p[1] - meanY);
            sxx += (p[0] - meanX) * (p[0] - meanX);
        }
        if (sxx == 0) {
            return new PdoFit.InsufficientData(
                    "insufficient data 数据不足: every usable band has the same mid-score", List.copyOf(skipped));
        }
        double slope = sxy / sxx;
        if (slope <= 0) {
            return new PdoFit.OddsDoNotRise(slope, points.size(), List.copyOf(skipped));
        }
        double intercept = meanY - slope * meanX;
        double impliedPdo = Math.log(2) / slope;
        boolean within = Math.abs(impliedPdo - configuredPdo) <= relativeTolerance * configuredPdo;
        return new PdoFit.Fitted(
                slope,
                intercept,
                impliedPdo,
                -intercept / slope,
                points.size(),
                List.copyOf(skipped),
                configuredPdo,
                within);
    }
}

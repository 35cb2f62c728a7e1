package org.ruralcredit.rating.domain.pricing;

import java.util.List;

/** What the observed outcomes say about how fast odds double with score. */
public sealed interface PdoFit {

    /** Bands left out because they had no good or no bad loans. */
    List<String> skippedBands();

    /**
     * ln(odds) = intercept + slope · score fitted by least squares; the implied PDO is ln 2 / slope
     * and the implied offset (score at even odds) −intercept / slope.
     */
    record Fitted(
            double slope,
            double intercept,
            double impliedPdo,
            double impliedOffset,
            int bandsUsed,
            List<String> skippedBands,
            double configuredPdo,
            boolean withinTolerance)
            implements PdoFit {}

    /** Odds flat or falling as the score rises: the scorecard does not rank risk, no PDO exists. */
    record OddsDoNotRise(double slope, int bandsUsed, List<String> skippedBands) implements PdoFit {}

    record InsufficientData(String reason, List<String> skippedBands) implements PdoFit {}
}

package org.ruralcredit.rating.domain.pricing;

/**
 * score = offset + (PDO / ln 2) · ln(odds): the odds double every PDO points, and {@code offset}
 * is the score at even odds (1:1).
 */
public record ScoreOddsScaling(double offset, double pointsToDoubleOdds) {

    public ScoreOddsScaling {
        if (!(pointsToDoubleOdds > 0) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("PDO must be positive and offset finite");
        }
    }

    /** The usual way a scorecard states its scaling: "odds of baseOdds:1 at baseScore, doubling every PDO". */
    public static ScoreOddsScaling anchoredAt(double baseScore, double baseOdds, double pointsToDoubleOdds) {
        requirePositiveOdds(baseOdds);
        return new ScoreOddsScaling(baseScore - pointsToDoubleOdds / Math.log(2) * Math.log(baseOdds), pointsToDoubleOdds);
    }

    public double factor() {
        return pointsToDoubleOdds / Math.log(2);
    }

    public double score(double odds) {
        requirePositiveOdds(odds);
        return offset + factor() * Math.log(odds);
    }

    public double odds(double score) {
        return Math.exp((score - offset) / factor());
    }

    private static void requirePositiveOdds(double odds) {
        if (!(odds > 0) || Double.isInfinite(odds)) {
            throw new IllegalArgumentException("odds must be positive and finite: " + odds);
        }
    }
}

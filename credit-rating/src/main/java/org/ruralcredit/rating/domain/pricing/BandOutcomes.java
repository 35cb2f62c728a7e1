package org.ruralcredit.rating.domain.pricing;

/**
 * Lenders' reported outcomes of loans made in one score band [lowScore, highScore]:
 * how many were repaid (good) and how many went bad.
 */
public record BandOutcomes(String band, double lowScore, double highScore, long goods, long bads) {

    public BandOutcomes {
        if (goods < 0 || bads < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (!(lowScore <= highScore)) {
            throw new IllegalArgumentException("band " + band + " has low score above high score");
        }
    }

    public double midScore() {
        return (lowScore + highScore) / 2;
    }

    /** Odds need at least one good and one bad loan; otherwise they are 0 or infinite. */
    public boolean hasOdds() {
        return goods > 0 && bads > 0;
    }

    /** Good:bad odds n = goods / bads. */
    public double odds() {
        if (!hasOdds()) {
            throw new IllegalStateException(
                    "insufficient data in band " + band + ": " + goods + " good, " + bads + " bad");
        }
        return (double) goods / bads;
    }
}

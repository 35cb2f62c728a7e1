package org.ruralcredit.rating.domain.monitoring;

import java.util.Comparator;
import java.util.List;

/**
 * AUC as the Mann–Whitney probability that a random good loan scored higher than a random bad
 * one, ties counting ½. Computed from average ranks (O(n log n)), which gives exactly the
 * pair-counting result: AUC = (sum of goods' ranks − G(G + 1)/2) / (G · B).
 */
public final class AreaUnderCurve {

    private AreaUnderCurve() {}

    public static double of(List<ScoreObservation> observations) {
        GoodBadCounts counts = GoodBadCounts.of(observations);
        counts.requireBoth();
        List<ScoreObservation> sorted = observations.stream()
                .sorted(Comparator.comparingDouble(ScoreObservation::score))
                .toList();
        double goodRankSum = 0;
        int i = 0;
        while (i < sorted.size()) {
            int end = i;
            while (end < sorted.size()
                    && sorted.get(end).score() == sorted.get(i).score()) {
                end++;
            }
            // Ranks i+1 .. end share their average.
            double averageRank = (i + 1 + end) / 2.0;
            for (int k = i; k < end; k++) {
                if (sorted.get(k).outcome() == Outcome.GOOD) {
                    goodRankSum += averageRank;
                }
            }
            i = end;
        }
        double g = counts.goods();
        return (goodRankSum - g * (g + 1) / 2) / (g * counts.bads());
    }

    /** Gini = 2 · AUC − 1. */
    public static double gini(double auc) {
        return 2 * auc - 1;
    }
}

package org.ruralcredit.rating.domain.monitoring;

import java.util.Comparator;
import java.util.List;

/**
 * KS: the largest distance between the cumulative score distributions of goods and bads.
 * Tied scores enter the cumulative counts together, so the result does not depend on the order
 * of observations with equal scores.
 */
public final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {}

    public static double statistic(List<ScoreObservation> observations) {
        GoodBadCounts counts = GoodBadCounts.of(observations);
        counts.requireBoth();
        List<ScoreObservation> sorted = observations.stream()
                .sorted(Comparator.comparingDouble(ScoreObservation::score))
                .toList();
        long goodsSoFar = 0;
        long badsSoFar = 0;
        double max = 0;
        int i = 0;
        while (i < sorted.size()) {
            double score = sorted.get(i).score();
            while (i < sorted.size() && sorted.get(i).score() == score) {
                if (sorted.get(i).outcome() == Outcome.BAD) {
                    badsSoFar++;
                } else {
                    goodsSoFar++;
                }
                i++;
            }
            max = Math.max(max, Math.abs((double) goodsSoFar / counts.goods() - (double) badsSoFar / counts.bads()));
        }
        return max;
    }
}

package org.ruralcredit.rating.domain.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * PSI = Σ (actual share − expected share) · ln(actual share / expected share) over fixed bins,
 * expected = the baseline period, actual = the period monitored.
 *
 * <p>An empty bin would make ln infinite; its share is replaced by {@code emptyBinShare}
 * (default 0.0001) — without renormalising the others, so the replacement is visible and small.
 */
public final class PopulationStability {

    public static final double DEFAULT_EMPTY_BIN_SHARE = 0.0001;

    private PopulationStability() {}

    public record BinShift(
            String bin,
            long expectedCount,
            long actualCount,
            double expectedShare,
            double actualShare,
            double contribution) {}

    public record Result(double index, List<BinShift> bins) {}

    public static Result index(
            ScoreBins bins, List<Double> baselineScores, List<Double> currentScores, double emptyBinShare) {
        if (baselineScores.isEmpty() || currentScores.isEmpty()) {
            throw new IllegalArgumentException("insufficient data: both periods need scores");
        }
        if (!(emptyBinShare > 0 && emptyBinShare < 1)) {
            throw new IllegalArgumentException("empty-bin share must be between 0 and 1");
        }
        long[] expected = histogram(bins, baselineScores);
        long[] actual = histogram(bins, currentScores);
        List<BinShift> rows = new ArrayList<>();
        double psi = 0;
        for (int b = 0; b < bins.count(); b++) {
            double e = share(expected[b], baselineScores.size(), emptyBinShare);
            double a = share(actual[b], currentScores.size(), emptyBinShare);
            double contribution = (a - e) * Math.log(a / e);
            psi += contribution;
            rows.add(new BinShift(bins.label(b), expected[b], actual[b], e, a, contribution));
        }
        return new Result(psi, rows);
    }

    private static long[] histogram(ScoreBins bins, List<Double> scores) {
        long[] counts = new long[bins.count()];
        for (double score : scores) {
            counts[bins.binOf(score)]++;
        }
        return counts;
    }

    private static double share(long count, int total, double emptyBinShare) {
        return count == 0 ? emptyBinShare : (double) count / total;
    }
}

package org.ruralcredit.morality.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** 背靠背打分 result: the mean of the raters' scores without the single highest and single lowest. */
public final class TrimmedMean {

    /** Fewer raters than this and a round cannot close: with the extremes dropped, three voices must remain. */
    public static final int MIN_RATERS = 5;

    private TrimmedMean() {}

    public static BigDecimal of(List<Integer> scores) {
        if (scores.size() < MIN_RATERS) {
            throw new IllegalArgumentException("a trimmed mean needs at least " + MIN_RATERS + " scores");
        }
        List<Integer> sorted = scores.stream().sorted().toList();
        int sum = sorted.subList(1, sorted.size() - 1).stream()
                .mapToInt(Integer::intValue)
                .sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(sorted.size() - 2L), 2, RoundingMode.HALF_UP);
    }
}

package org.ruralcredit.console.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures behind the administrator's charts, from what the services answer: grade counts per
 * division, and the credit-household share of a village (AAA, AA and A households over all the
 * households of the village profile, the 信用村 criterion's own measure).
 */
public final class ChartFigures {

    public static final List<String> CREDIT_GRADES = List.of("AAA", "AA", "A");
    public static final List<String> GRADES = List.of("AAA", "AA", "A", "NONE", "UNRATED");

    private ChartFigures() {}

    /** One division's grade counts in the charts' fixed grade order (missing grades count 0). */
    public static List<Long> countsInOrder(Map<String, Long> grades, List<String> order) {
        List<Long> counts = new ArrayList<>();
        for (String grade : order) {
            counts.add(grades.getOrDefault(grade, 0L));
        }
        return counts;
    }

    /** Credit households over the village's households, in percent with one decimal; null when the total is unknown. */
    public static BigDecimal creditShare(Map<String, Long> grades, Integer totalHouseholds) {
        if (totalHouseholds == null || totalHouseholds <= 0) {
            return null;
        }
        long credit = CREDIT_GRADES.stream()
                .mapToLong(g -> grades.getOrDefault(g, 0L))
                .sum();
        return BigDecimal.valueOf(credit * 100L).divide(BigDecimal.valueOf(totalHouseholds), 1, RoundingMode.HALF_UP);
    }
}

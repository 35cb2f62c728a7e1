package org.ruralcredit.rating.domain.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ruralcredit.creditline.CreditGrade;

/** Loans and defaults in one grade; the rate is bads / loans, to 4 decimal places. */
public record GradeDefaultRate(CreditGrade grade, long loans, long bads, BigDecimal defaultRate) {

    /** Grades in grade order (AAA first); grades with no loans are left out rather than shown as 0%. */
    public static List<GradeDefaultRate> byGrade(List<ScoreObservation> observations) {
        Map<CreditGrade, long[]> counts = new EnumMap<>(CreditGrade.class);
        for (ScoreObservation observation : observations) {
            long[] loansAndBads = counts.computeIfAbsent(observation.grade(), g -> new long[2]);
            loansAndBads[0]++;
            if (observation.outcome() == Outcome.BAD) {
                loansAndBads[1]++;
            }
        }
        return counts.entrySet().stream()
                .map(e -> new GradeDefaultRate(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        BigDecimal.valueOf(e.getValue()[1])
                                .divide(BigDecimal.valueOf(e.getValue()[0]), 4, RoundingMode.HALF_UP)))
                .toList();
    }
}

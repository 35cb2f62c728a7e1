package org.ruralcredit.rating.domain.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a household scored and why: points per indicator, grade, vetoes, the three indicators
 * that cost the most points, and the model and input dates it was computed from.
 */
public record ScoreResult(
        String modelCode,
        int modelVersion,
        int totalPoints,
        String grade,
        boolean creditHousehold,
        Set<Veto> vetoesHit,
        List<IndicatorScore> indicators,
        List<Reason> reasons,
        Map<String, LocalDate> inputsAsOf) {

    /** {@code value} is null when the input was missing. */
    public record IndicatorScore(String code, String group, Object value, int points, int maxPoints, boolean missing) {
        public int lost() {
            return maxPoints - points;
        }
    }

    public record Reason(String indicator, String nameZh, String nameEn, int pointsLost) {}

    /** Odds implied by the total score under the model's scaling: odds = exp((score − offset)·ln2 / pdo). */
    public static BigDecimal impliedOdds(ScorecardModel.Scaling scaling, int score) {
        double exponent = (score - scaling.offset().doubleValue())
                * Math.log(2)
                / scaling.pdo().doubleValue();
        return BigDecimal.valueOf(Math.exp(exponent)).setScale(2, RoundingMode.HALF_UP);
    }
}

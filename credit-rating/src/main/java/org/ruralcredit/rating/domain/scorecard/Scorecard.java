package org.ruralcredit.rating.domain.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores one household with one model: deterministic, no I/O. Each indicator gets the points of
 * the bin its value falls in, or its missing points when the value is absent or outside every bin.
 */
public final class Scorecard {

    public static final String NOT_A_CREDIT_HOUSEHOLD = "NONE";

    private Scorecard() {}

    public static ScoreResult score(ScorecardModel model, ScorecardInputs inputs) {
        List<ScoreResult.IndicatorScore> scores = new ArrayList<>();
        List<ScoreResult.Reason> lost = new ArrayList<>();
        int total = 0;
        for (ScorecardModel.Group group : model.groups()) {
            for (ScorecardModel.Indicator indicator : group.indicators()) {
                Object value = inputs.value(indicator.input());
                Integer points = value == null ? null : pointsFor(indicator, value);
                boolean missing = points == null;
                int awarded = missing ? indicator.missingPoints() : points;
                total += awarded;
                scores.add(new ScoreResult.IndicatorScore(
                        indicator.code(), group.code(), value, awarded, indicator.maxPoints(), missing));
                if (awarded < indicator.maxPoints()) {
                    lost.add(new ScoreResult.Reason(
                            indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.maxPoints() - awarded));
                }
            }
        }
        Set<Veto> vetoes =
                inputs.vetoes().stream().filter(model.vetoes()::contains).collect(Collectors.toSet());
        String grade = gradeOf(model, total);
        boolean creditHousehold = vetoes.isEmpty() && isCreditGrade(model, grade);
        // the model's order breaks ties, so the same inputs always give the same reasons
        List<ScoreResult.Reason> reasons = lost.stream()
                .sorted(Comparator.comparingInt(ScoreResult.Reason::pointsLost).reversed())
                .limit(3)
                .toList();
        return new ScoreResult(
                model.code(),
                model.version(),
                total,
                grade,
                creditHousehold,
                Set.copyOf(vetoes),
                List.copyOf(scores),
                reasons,
                inputs.asOf());
    }

    static String gradeOf(ScorecardModel model, int total) {
        for (ScorecardModel.GradeBand band : model.gradeBands()) {
            if (BigDecimal.valueOf(total).compareTo(band.minScore()) >= 0) {
                return band.grade();
            }
        }
        return NOT_A_CREDIT_HOUSEHOLD;
    }

    /** Grades from the best band down to the model's lowest credit grade make a credit household (信用户). */
    static boolean isCreditGrade(ScorecardModel model, String grade) {
        for (ScorecardModel.GradeBand band : model.gradeBands()) {
            if (band.grade().equals(grade)) {
                return true;
            }
            if (band.grade().equals(model.lowestCreditGrade())) {
                return false;
            }
        }
        return false;
    }

    private static Integer pointsFor(ScorecardModel.Indicator indicator, Object value) {
        for (ScorecardModel.Bin bin : indicator.bins()) {
            if (bin.numeric() && value instanceof BigDecimal number && bin.covers(number)) {
                return bin.points();
            }
            if (!bin.numeric() && bin.values().contains(String.valueOf(value))) {
                return bin.points();
            }
        }
        return null;
    }
}

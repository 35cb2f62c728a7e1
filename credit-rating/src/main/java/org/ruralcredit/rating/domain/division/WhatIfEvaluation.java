package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.util.List;

/**
 * Judges figures as stated on paper by named rule sets, with the same evaluator as a real rating
 * (one rule, one place); nothing is stored. Each rule set reads only the measures it lists; one
 * not stated makes its criterion NOT_ASSESSABLE.
 */
public final class WhatIfEvaluation {

    /** A criterion's row: the stated value (exact, as given or divided to its display scale), the rule and whether it is met. */
    public record CriterionRow(
            String measure, BigDecimal value, String comparison, BigDecimal threshold, Boolean met, String reason) {}

    public record Result(
            String ruleSet, int version, String level, RatingOutcome verdict, List<CriterionRow> criteria) {}

    private static final DivisionRatingEvaluator EVALUATOR = new DivisionRatingEvaluator();

    private WhatIfEvaluation() {}

    public static Result evaluate(RuleSet ruleSet, StatedFigures figures) {
        DivisionRating rating = EVALUATOR.evaluate(ruleSet, figures);
        List<CriterionRow> rows = rating.criteria().stream()
                .map(c -> new CriterionRow(
                        c.measure().name(),
                        c.measuredPercent().orElse(null),
                        c.comparison().name(),
                        c.threshold(),
                        c.status() == CriterionStatus.NOT_ASSESSABLE ? null : c.status() == CriterionStatus.PASS,
                        c.reason().orElse(null)))
                .toList();
        return new Result(ruleSet.id(), ruleSet.version(), ruleSet.level().name(), rating.outcome(), rows);
    }
}

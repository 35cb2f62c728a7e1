package org.ruralcredit.rating.domain.division;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges a division's figures against a rule set of the same level. */
public final class DivisionRatingEvaluator {

    public DivisionRating evaluate(RuleSet ruleSet, DivisionFigures figures) {
        if (ruleSet.level() != figures.level() && !(figures instanceof StatedFigures)) {
            throw new IllegalArgumentException(
                    "rule set " + ruleSet.id() + " is for a " + ruleSet.level() + ", not a " + figures.level());
        }
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : ruleSet.criteria()) {
            results.add(judge(criterion, figures.measure(criterion.measure())));
        }
        return new DivisionRating(
                figures.divisionCode(), ruleSet.level(), ruleSet.id(), ruleSet.version(), overall(results), results);
    }

    private static CriterionResult judge(Criterion criterion, Measurement measurement) {
        return switch (measurement) {
            case Measurement.Measured measured ->
                new CriterionResult(
                        criterion.measure(),
                        Optional.of(measured.value().rounded()),
                        criterion.comparison(),
                        criterion.threshold(),
                        criterion.comparison().holds(measured.value().compareTo(criterion.threshold()))
                                ? CriterionStatus.PASS
                                : CriterionStatus.FAIL,
                        Optional.empty());
            case Measurement.NotMeasurable notMeasurable ->
                new CriterionResult(
                        criterion.measure(),
                        Optional.empty(),
                        criterion.comparison(),
                        criterion.threshold(),
                        CriterionStatus.NOT_ASSESSABLE,
                        Optional.of(notMeasurable.reason()));
        };
    }

    /**
     * FAILED as soon as one criterion is known to fail, whatever else could not be measured (a
     * missing figure cannot undo a failure); NOT_ASSESSABLE when none failed and something is
     * missing; PASSED only when every criterion was measured and holds.
     */
    static RatingOutcome overall(List<CriterionResult> results) {
        if (results.stream().anyMatch(r -> r.status() == CriterionStatus.FAIL)) {
            return RatingOutcome.FAILED;
        }
        if (results.stream().anyMatch(r -> r.status() == CriterionStatus.NOT_ASSESSABLE)) {
            return RatingOutcome.NOT_ASSESSABLE;
        }
        return RatingOutcome.PASSED;
    }
}

package org.ruralcredit.rating.domain.division;

import java.util.List;

/** The result of judging one division by one rule set, with every criterion listed. */
public record DivisionRating(
        String divisionCode,
        DivisionLevel level,
        String ruleSetId,
        int ruleSetVersion,
        RatingOutcome outcome,
        List<CriterionResult> criteria) {

    public DivisionRating {
        criteria = List.copyOf(criteria);
    }

    public boolean passed() {
        return outcome == RatingOutcome.PASSED;
    }
}

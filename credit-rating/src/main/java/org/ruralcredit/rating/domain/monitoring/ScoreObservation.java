package org.ruralcredit.rating.domain.monitoring;

import org.ruralcredit.creditline.CreditGrade;

/** One rated household's score and grade at lending time, and the loan's later outcome. */
public record ScoreObservation(double score, CreditGrade grade, Outcome outcome) {

    public ScoreObservation {
        if (!Double.isFinite(score) || grade == null || outcome == null) {
            throw new IllegalArgumentException("score must be finite; grade and outcome are required");
        }
    }
}

package org.ruralcredit.events.rating;

import java.time.Instant;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/** A township's rating (信用乡镇) was approved at county level (credit-admin). */
public record TownshipRated(
        String ratingId,
        String townshipCode,
        String countyCode,
        String ruleSetId,
        int ruleSetVersion,
        String outcome,
        List<DivisionCriterion> criteria,
        String computedBy,
        Instant computedAt,
        String approvedBy,
        Instant approvedAt) {

    public TownshipRated {
        if (ratingId == null
                || townshipCode == null
                || !townshipCode.matches("\\d{9}")
                || ruleSetId == null
                || outcome == null
                || approvedBy == null
                || approvedAt == null) {
            throw new EventFormatException(
                    "ratingId, a 9-digit townshipCode, ruleSetId, outcome and the approval are required");
        }
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}

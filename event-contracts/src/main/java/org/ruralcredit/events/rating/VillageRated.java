package org.ruralcredit.events.rating;

import java.time.Instant;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/**
 * A village's rating (信用村) was approved by its township. {@code outcome} is PASSED, FAILED or
 * NOT_ASSESSABLE; the criteria table names every criterion of the rule set with its measured value.
 */
public record VillageRated(
        String ratingId,
        String villageCode,
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

    public VillageRated {
        if (ratingId == null
                || villageCode == null
                || !villageCode.matches("\\d{12}")
                || ruleSetId == null
                || outcome == null
                || approvedBy == null
                || approvedAt == null) {
            throw new EventFormatException(
                    "ratingId, a 12-digit villageCode, ruleSetId, outcome and the approval are required");
        }
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}

package org.ruralcredit.rating.domain.division;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A versioned set of criteria for one division level. A division passes when every criterion
 * holds. Results name the rule set id and version, so a published result can always be traced to
 * the thresholds it was judged by.
 */
public record RuleSet(String id, int version, DivisionLevel level, List<Criterion> criteria) {

    public RuleSet {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add("id is required");
        }
        if (version < 1) {
            problems.add("version must be 1 or more");
        }
        if (level == null) {
            problems.add("level is required");
        }
        if (criteria == null || criteria.isEmpty()) {
            problems.add("at least one criterion is required");
        } else {
            Set<Measure> seen = new HashSet<>();
            for (Criterion criterion : criteria) {
                if (level != null && !criterion.measure().appliesTo(level)) {
                    problems.add(criterion.measure() + " does not apply to a " + level);
                }
                if (!seen.add(criterion.measure())) {
                    problems.add(criterion.measure() + " appears twice");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid rule set: " + String.join("; ", problems));
        }
        criteria = List.copyOf(criteria);
    }
}

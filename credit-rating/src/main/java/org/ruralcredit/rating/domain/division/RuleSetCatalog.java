package org.ruralcredit.rating.domain.division;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule sets a rating run may choose, each by id and version. A version is never edited: a
 * region that changes a threshold adds a new version, so every stored result still names the
 * thresholds it was judged by.
 */
public final class RuleSetCatalog {

    public static final List<RuleSet> ALL = List.of(
            DefaultRuleSets.VILLAGE,
            DefaultRuleSets.VILLAGE_V2,
            DefaultRuleSets.VILLAGE_REGIONAL_50_90_3,
            DefaultRuleSets.VILLAGE_REGIONAL_50_90_3_V2,
            DefaultRuleSets.TOWNSHIP,
            DefaultRuleSets.TOWNSHIP_V2,
            DefaultRuleSets.COUNTY);

    private RuleSetCatalog() {}

    /** The named rule set; without a version, its highest version. */
    public static Optional<RuleSet> find(String id, Integer version) {
        return ALL.stream()
                .filter(r -> r.id().equals(id) && (version == null || r.version() == version))
                .max(Comparator.comparingInt(RuleSet::version));
    }

    /** The default rule set of a level (DESIGN §4). */
    public static RuleSet defaultFor(DivisionLevel level) {
        return switch (level) {
            case VILLAGE -> DefaultRuleSets.VILLAGE_V2;
            case TOWNSHIP -> DefaultRuleSets.TOWNSHIP_V2;
            case COUNTY -> DefaultRuleSets.COUNTY;
        };
    }
}

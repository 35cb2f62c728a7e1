package org.ruralcredit.rating.domain.division;

import static org.ruralcredit.rating.domain.division.Comparison.AT_LEAST;
import static org.ruralcredit.rating.domain.division.Comparison.GREATER_THAN;
import static org.ruralcredit.rating.domain.division.Comparison.LESS_THAN;
import static org.ruralcredit.rating.domain.division.Measure.BORROWERS_WITHOUT_OVERDUE_SHARE;
import static org.ruralcredit.rating.domain.division.Measure.CREDIT_HOUSEHOLD_SHARE;
import static org.ruralcredit.rating.domain.division.Measure.CREDIT_VILLAGE_SHARE;
import static org.ruralcredit.rating.domain.division.Measure.NPL_RATIO;
import static org.ruralcredit.rating.domain.division.Measure.NPL_RATIO_GROWTH;

import java.util.List;

/** The rule sets of DESIGN §4, version 1. Regions register others; these are never edited in place. */
public final class DefaultRuleSets {

    /** 信用村: credit households ≥ 70%, borrowers without overdue > 85%, NPL < 5%, growth < 1 point. */
    public static final RuleSet VILLAGE = new RuleSet("village-default", 1, DivisionLevel.VILLAGE, List.of(
            Criterion.of(CREDIT_HOUSEHOLD_SHARE, AT_LEAST, "70"),
            Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, GREATER_THAN, "85"),
            Criterion.of(NPL_RATIO, LESS_THAN, "5"),
            Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** The regional variant: credit households ≥ 50%, borrowers without overdue > 90%, NPL < 3%, growth < 1 point. */
    public static final RuleSet VILLAGE_REGIONAL_50_90_3 = new RuleSet("village-regional-50-90-3", 1,
            DivisionLevel.VILLAGE, List.of(
                    Criterion.of(CREDIT_HOUSEHOLD_SHARE, AT_LEAST, "50"),
                    Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, GREATER_THAN, "90"),
                    Criterion.of(NPL_RATIO, LESS_THAN, "3"),
                    Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** 信用乡镇: credit villages ≥ 50%, borrowers without overdue > 90%, NPL < 5%, growth < 1 point. */
    public static final RuleSet TOWNSHIP = new RuleSet("township-default", 1, DivisionLevel.TOWNSHIP, List.of(
            Criterion.of(CREDIT_VILLAGE_SHARE, AT_LEAST, "50"),
            Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, GREATER_THAN, "90"),
            Criterion.of(NPL_RATIO, LESS_THAN, "5"),
            Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** 信用县: credit villages ≥ 60% of the county's administrative villages. */
    public static final RuleSet COUNTY = new RuleSet("county-default", 1, DivisionLevel.COUNTY, List.of(
            Criterion.of(CREDIT_VILLAGE_SHARE, AT_LEAST, "60")));

    private DefaultRuleSets() {
    }
}

package org.ruralcredit.rating.domain.division;

import java.util.List;

import static org.ruralcredit.rating.domain.division.Comparison.AT_LEAST;
import static org.ruralcredit.rating.domain.division.Comparison.AT_MOST;
import static org.ruralcredit.rating.domain.division.Comparison.GREATER_THAN;
import static org.ruralcredit.rating.domain.division.Comparison.LESS_THAN;
import static org.ruralcredit.rating.domain.division.Measure.BORROWERS_WITHOUT_OVERDUE_SHARE;
import static org.ruralcredit.rating.domain.division.Measure.CREDIT_HOUSEHOLD_SHARE;
import static org.ruralcredit.rating.domain.division.Measure.CREDIT_VILLAGE_SHARE;
import static org.ruralcredit.rating.domain.division.Measure.NPL_RATIO;
import static org.ruralcredit.rating.domain.division.Measure.NPL_RATIO_GROWTH;

/**
 * The rule sets of DESIGN §4. A version is never edited in place: ratings name the version they
 * were judged by.
 *
 * <p>Version 1 read the source texts' "85% / 90% 以上" and "5% / 3% 以下" as strict comparisons.
 * Civil Code Art. 1259 says otherwise: 「民法所称的“以上”“以下”“以内”“届满”，包括本数」, so
 * 以上 is ≥ and 以下 is ≤; only 超过 / 低于 / 不足 are strict. Version 2 of each set reads them so
 * and is the one a run without a version uses; version 1 stays for the ratings made with it.
 * The regional 50/90/3 set (Yunnan) lists three criteria and no NPL growth, so its version 2 has
 * those three only.
 */
public final class DefaultRuleSets {

    /** 信用村: credit households ≥ 70%, borrowers without overdue > 85%, NPL < 5%, growth < 1 point. */
    public static final RuleSet VILLAGE = new RuleSet(
            "village-default",
            1,
            DivisionLevel.VILLAGE,
            List.of(
                    Criterion.of(CREDIT_HOUSEHOLD_SHARE, AT_LEAST, "70"),
                    Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, GREATER_THAN, "85"),
                    Criterion.of(NPL_RATIO, LESS_THAN, "5"),
                    Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** The regional variant: credit households ≥ 50%, borrowers without overdue > 90%, NPL < 3%, growth < 1 point. */
    public static final RuleSet VILLAGE_REGIONAL_50_90_3 = new RuleSet(
            "village-regional-50-90-3",
            1,
            DivisionLevel.VILLAGE,
            List.of(
                    Criterion.of(CREDIT_HOUSEHOLD_SHARE, AT_LEAST, "50"),
                    Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, GREATER_THAN, "90"),
                    Criterion.of(NPL_RATIO, LESS_THAN, "3"),
                    Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** 信用村 v2: credit households 70%以上, borrowers without overdue 85%以上, NPL 5%以下, growth < 1 point. */
    public static final RuleSet VILLAGE_V2 = new RuleSet(
            "village-default",
            2,
            DivisionLevel.VILLAGE,
            List.of(
                    Criterion.of(CREDIT_HOUSEHOLD_SHARE, AT_LEAST, "70"),
                    Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, AT_LEAST, "85"),
                    Criterion.of(NPL_RATIO, AT_MOST, "5"),
                    Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** The regional variant v2: credit households 50%以上, borrowers without overdue 90%以上, NPL 3%以下; nothing else. */
    public static final RuleSet VILLAGE_REGIONAL_50_90_3_V2 = new RuleSet(
            "village-regional-50-90-3",
            2,
            DivisionLevel.VILLAGE,
            List.of(
                    Criterion.of(CREDIT_HOUSEHOLD_SHARE, AT_LEAST, "50"),
                    Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, AT_LEAST, "90"),
                    Criterion.of(NPL_RATIO, AT_MOST, "3")));

    /** 信用乡镇: credit villages ≥ 50%, borrowers without overdue > 90%, NPL < 5%, growth < 1 point. */
    public static final RuleSet TOWNSHIP = new RuleSet(
            "township-default",
            1,
            DivisionLevel.TOWNSHIP,
            List.of(
                    Criterion.of(CREDIT_VILLAGE_SHARE, AT_LEAST, "50"),
                    Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, GREATER_THAN, "90"),
                    Criterion.of(NPL_RATIO, LESS_THAN, "5"),
                    Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** 信用乡镇 v2: credit villages 50%以上, borrowers without overdue 90%以上, NPL 5%以下, growth < 1 point. */
    public static final RuleSet TOWNSHIP_V2 = new RuleSet(
            "township-default",
            2,
            DivisionLevel.TOWNSHIP,
            List.of(
                    Criterion.of(CREDIT_VILLAGE_SHARE, AT_LEAST, "50"),
                    Criterion.of(BORROWERS_WITHOUT_OVERDUE_SHARE, AT_LEAST, "90"),
                    Criterion.of(NPL_RATIO, AT_MOST, "5"),
                    Criterion.of(NPL_RATIO_GROWTH, LESS_THAN, "1")));

    /** 信用县: credit villages ≥ 60% of the county's administrative villages. */
    public static final RuleSet COUNTY = new RuleSet(
            "county-default", 1, DivisionLevel.COUNTY, List.of(Criterion.of(CREDIT_VILLAGE_SHARE, AT_LEAST, "60")));

    private DefaultRuleSets() {}
}

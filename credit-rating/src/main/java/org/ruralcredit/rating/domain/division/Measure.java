package org.ruralcredit.rating.domain.division;

import java.util.EnumSet;
import java.util.Set;

/** What a criterion measures, in percent (or percentage points for the growth). */
public enum Measure {
    CREDIT_HOUSEHOLD_SHARE(
            "信用户占全村农户比例",
            "credit households of all households in the village profile",
            EnumSet.of(DivisionLevel.VILLAGE)),
    CREDIT_VILLAGE_SHARE(
            "信用村占行政村比例",
            "credit villages of all administrative villages",
            EnumSet.of(DivisionLevel.TOWNSHIP, DivisionLevel.COUNTY)),
    BORROWERS_WITHOUT_OVERDUE_SHARE(
            "无逾期借款户占比",
            "borrowers without overdue loans of all borrowers",
            EnumSet.of(DivisionLevel.VILLAGE, DivisionLevel.TOWNSHIP)),
    NPL_RATIO(
            "不良贷款率",
            "non-performing loan ratio (by balance)",
            EnumSet.of(DivisionLevel.VILLAGE, DivisionLevel.TOWNSHIP)),
    NPL_RATIO_GROWTH(
            "不良贷款率同比上升（百分点）",
            "NPL ratio growth year on year (percentage points)",
            EnumSet.of(DivisionLevel.VILLAGE, DivisionLevel.TOWNSHIP));

    private final String chineseLabel;
    private final String englishLabel;
    private final Set<DivisionLevel> levels;

    Measure(String chineseLabel, String englishLabel, Set<DivisionLevel> levels) {
        this.chineseLabel = chineseLabel;
        this.englishLabel = englishLabel;
        this.levels = levels;
    }

    public String chineseLabel() {
        return chineseLabel;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** Whether figures of this level carry this measure (a county has no household counts). */
    public boolean appliesTo(DivisionLevel level) {
        return levels.contains(level);
    }
}

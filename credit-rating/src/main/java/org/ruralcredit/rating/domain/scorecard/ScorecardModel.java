package org.ruralcredit.rating.domain.scorecard;

import java.math.BigDecimal;
import java.util.List;

/**
 * A household scorecard as data: indicator groups, bins with points, points for a missing value,
 * the vetoes it applies, grade bands and the score-to-odds scaling. Validated by
 * {@link ScorecardModelValidator} before it may be activated; immutable once used.
 */
public record ScorecardModel(
        String code,
        int version,
        String nameZh,
        String nameEn,
        int maxPoints,
        List<Group> groups,
        List<Veto> vetoes,
        List<GradeBand> gradeBands,
        String lowestCreditGrade,
        Scaling scaling) {

    public record Group(String code, String nameZh, String nameEn, List<Indicator> indicators) {}

    public record Indicator(
            String code,
            String nameZh,
            String nameEn,
            String descriptionZh,
            String descriptionEn,
            Input input,
            int maxPoints,
            int missingPoints,
            List<Bin> bins) {}

    /**
     * A numeric bin covers {@code from ≤ value < to} (an absent end is open); a categorical bin
     * lists the values it covers.
     */
    public record Bin(BigDecimal from, BigDecimal to, List<String> values, int points) {

        public boolean numeric() {
            return values == null || values.isEmpty();
        }

        boolean covers(BigDecimal value) {
            return (from == null || value.compareTo(from) >= 0) && (to == null || value.compareTo(to) < 0);
        }
    }

    /** Scores at or above {@code minScore} get {@code grade}; bands are listed from the best down. */
    public record GradeBand(String grade, BigDecimal minScore) {}

    /** score = offset + (pdo / ln 2) · ln(odds). */
    public record Scaling(BigDecimal offset, BigDecimal pdo) {}

    public String id() {
        return code + "@" + version;
    }
}

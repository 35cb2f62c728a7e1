package org.ruralcredit.sme.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A firm scorecard as data ({@code firm-scorecards/*.json}): for each indicator its maximum, the
 * points when its data is missing and its bands; the grade boundaries; the vetoes and the grade they
 * force. Checked by {@link FirmScorecardModelValidator} before it is used; what each indicator
 * measures is {@link FirmIndicator}'s.
 */
public record FirmScorecardModel(
        String code,
        int version,
        List<Indicator> indicators,
        List<Grade> grades,
        List<String> vetoes,
        String vetoGrade) {

    /** {@code oneReportPoints}: for a trend with a single report to go on (headcount only). */
    public record Indicator(String name, int maxPoints, int missingPoints, Integer oneReportPoints, List<Band> bands) {}

    /**
     * A numeric band covers {@code from ≤ value < to} (an absent end is open); for a trend the value
     * is the ratio of now to before. A categorical band lists the values it covers.
     */
    public record Band(BigDecimal from, BigDecimal to, List<String> values, int points) {

        public boolean numeric() {
            return values == null || values.isEmpty();
        }
    }

    /** Totals at or above {@code minPoints} get {@code grade}; listed from the best down. */
    public record Grade(String grade, int minPoints) {}

    /** The version scores carry, {@code sme-1} for version 1, as stored score cards and the API have always shown it. */
    public String label() {
        return "sme-" + version;
    }
}

package org.ruralcredit.gateway.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * 文明诚信家庭 award check for a household: a credit household (信用户), no moral-bank veto, and
 * moral points at or above the threshold. An agency learns pass or fail and the reason categories,
 * never the grade, score or points behind them. When a source did not answer the check is undecided
 * rather than failed.
 */
public final class AwardRules {

    public enum Outcome {
        PASS,
        FAIL,
        UNDECIDED
    }

    public enum Reason {
        NO_HOUSEHOLD_FILE,
        NOT_RATED,
        NOT_CREDIT_HOUSEHOLD,
        MORAL_VETO,
        MORAL_POINTS_BELOW_THRESHOLD,
        NO_MORAL_RECORD,
        SOURCE_UNAVAILABLE
    }

    /** What the sources said; null fields mean the source had nothing (or, with unavailable, did not answer). */
    public record Facts(
            boolean householdFound,
            Boolean creditHousehold,
            Boolean vetoed,
            Integer moralPoints,
            boolean sourceUnavailable) {}

    public record Verdict(Outcome outcome, List<Reason> reasons) {}

    private AwardRules() {}

    public static Verdict check(Facts f, int minMoralPoints) {
        if (f.sourceUnavailable()) {
            return new Verdict(Outcome.UNDECIDED, List.of(Reason.SOURCE_UNAVAILABLE));
        }
        if (!f.householdFound()) {
            return new Verdict(Outcome.FAIL, List.of(Reason.NO_HOUSEHOLD_FILE));
        }
        List<Reason> reasons = new ArrayList<>();
        if (f.creditHousehold() == null) {
            reasons.add(Reason.NOT_RATED);
        } else if (!f.creditHousehold()) {
            reasons.add(Reason.NOT_CREDIT_HOUSEHOLD);
        }
        if (f.vetoed() == null || f.moralPoints() == null) {
            reasons.add(Reason.NO_MORAL_RECORD);
        } else {
            if (f.vetoed()) {
                reasons.add(Reason.MORAL_VETO);
            }
            if (f.moralPoints() < minMoralPoints) {
                reasons.add(Reason.MORAL_POINTS_BELOW_THRESHOLD);
            }
        }
        return new Verdict(reasons.isEmpty() ? Outcome.PASS : Outcome.FAIL, List.copyOf(reasons));
    }
}

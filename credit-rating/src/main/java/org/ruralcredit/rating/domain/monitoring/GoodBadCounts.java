package org.ruralcredit.rating.domain.monitoring;

import java.util.List;

/** Sample sizes; KS and AUC exist only when both goods and bads are present. */
public record GoodBadCounts(long goods, long bads) {

    public static GoodBadCounts of(List<ScoreObservation> observations) {
        long bads =
                observations.stream().filter(o -> o.outcome() == Outcome.BAD).count();
        return new GoodBadCounts(observations.size() - bads, bads);
    }

    public long total() {
        return goods + bads;
    }

    public boolean hasBoth() {
        return goods > 0 && bads > 0;
    }

    void requireBoth() {
        if (!hasBoth()) {
            throw new IllegalArgumentException(
                    "insufficient data: need good and bad outcomes, have " + goods + " good and " + bads + " bad");
        }
    }
}

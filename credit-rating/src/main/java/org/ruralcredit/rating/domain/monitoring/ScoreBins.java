package org.ruralcredit.rating.domain.monitoring;

import java.util.List;

/**
 * Fixed score bins for PSI, given by ascending cut points c1 < c2 < ... < ck: bins
 * (−∞, c1), [c1, c2), ..., [ck, +∞). Every score falls in exactly one bin, so no score is lost.
 */
public record ScoreBins(List<Double> cutPoints) {

    public ScoreBins {
        if (cutPoints.isEmpty()) {
            throw new IllegalArgumentException("at least one cut point is required");
        }
        for (int i = 1; i < cutPoints.size(); i++) {
            if (!(cutPoints.get(i - 1) < cutPoints.get(i))) {
                throw new IllegalArgumentException("cut points must strictly increase: " + cutPoints);
            }
        }
        cutPoints = List.copyOf(cutPoints);
    }

    public int count() {
        return cutPoints.size() + 1;
    }

    public int binOf(double score) {
        int bin = 0;
        while (bin < cutPoints.size() && score >= cutPoints.get(bin)) {
            bin++;
        }
        return bin;
    }

    public String label(int bin) {
        String low = bin == 0 ? "-∞" : cutPoints.get(bin - 1).toString();
        String high = bin == cutPoints.size() ? "+∞" : cutPoints.get(bin).toString();
        return "[" + low + ", " + high + ")";
    }
}

package org.ruralcredit.morality.domain;

import java.util.List;
import java.util.Map;

/**
 * A household's moral standing for one year, caps applied: each standard's balance, the total,
 * the vetoes in force and what follows from them. {@code countedPoints} gives, per deed entry,
 * the points that counted after the rule's yearly cap.
 */
public record Standing(
        int year,
        int catalogueVersion,
        List<StandardBalance> standards,
        int totalPoints,
        List<String> vetoCodes,
        boolean eligible,
        boolean greenCard,
        long moralCreditLine,
        Map<String, Integer> countedPoints) {

    public record StandardBalance(String code, String nameZh, int points, int cap, int rawPoints) {}

    public boolean vetoed() {
        return !vetoCodes.isEmpty();
    }
}

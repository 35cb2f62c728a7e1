package org.ruralcredit.morality.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a household's ledger entries of one year into its standing. Reversed entries and their
 * reversals drop out; each remaining deed counts up to what its rule's yearly cap still allows, in
 * ledger order; each standard starts from its share of the base score and is held between 0 and its
 * cap; any unreversed veto makes the year ineligible whatever the points.
 */
public final class BalanceRules {

    private BalanceRules() {}

    /** {@code catalogue} is the version governing the year (standards, base, thresholds, bands); rule caps come with each entry. */
    public static Standing standing(int year, Catalogue catalogue, List<CountedEntry> entries) {
        List<CountedEntry> ofYear = entries.stream()
                .filter(e -> e.deedDate().getYear() == year)
                .sorted(Comparator.comparingLong(CountedEntry::seq))
                .toList();
        Set<String> reversed = new HashSet<>();
        ofYear.stream().filter(e -> e.kind() == EntryKind.REVERSAL).forEach(e -> reversed.add(e.reversesEntryId()));

        Map<String, Integer> usedByRule = new HashMap<>();
        Map<String, Integer> rawByStandard = new HashMap<>();
        Map<String, Integer> counted = new LinkedHashMap<>();
        List<String> vetoes = new ArrayList<>();
        for (CountedEntry e : ofYear) {
            if (reversed.contains(e.entryId()) || e.kind() == EntryKind.REVERSAL) {
                continue;
            }
            if (e.kind() == EntryKind.VETO) {
                if (!vetoes.contains(e.vetoCode())) {
                    vetoes.add(e.vetoCode());
                }
                continue;
            }
            int magnitude = Math.abs(e.points());
            if (e.ruleYearlyCap() != null) {
                int used = usedByRule.getOrDefault(e.ruleCode(), 0);
                magnitude = Math.max(0, Math.min(magnitude, e.ruleYearlyCap() - used));
                usedByRule.put(e.ruleCode(), used + magnitude);
            }
            int points = Integer.signum(e.points()) * magnitude;
            counted.put(e.entryId(), points);
            rawByStandard.merge(e.standardCode(), points, Integer::sum);
        }

        Map<String, Integer> base = catalogue.baseShares();
        List<Standing.StandardBalance> balances = new ArrayList<>();
        int total = 0;
        for (Catalogue.Standard s : catalogue.standards()) {
            int raw = base.getOrDefault(s.code(), 0) + rawByStandard.getOrDefault(s.code(), 0);
            int held = Math.max(0, Math.min(s.cap(), raw));
            balances.add(new Standing.StandardBalance(s.code(), s.nameZh(), held, s.cap(), raw));
            total += held;
        }
        boolean vetoed = !vetoes.isEmpty();
        boolean eligible = !vetoed && total >= catalogue.eligibilityThreshold();
        boolean greenCard = !vetoed && total >= catalogue.greenCardThreshold();
        return new Standing(
                year,
                catalogue.version(),
                balances,
                total,
                List.copyOf(vetoes),
                eligible,
                greenCard,
                catalogue.creditLine(total, vetoed),
                counted);
    }
}

package org.ruralcredit.morality.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceRulesTest {

    private final Catalogue v1 = DefaultCatalogue.v1();
    private final List<CountedEntry> entries = new ArrayList<>();
    private static final LocalDate IN_2026 = LocalDate.of(2026, 5, 1);

    private String deed(String ruleCode, LocalDate date) {
        Catalogue.DeedRule rule = v1.rule(ruleCode).orElseThrow();
        String id = "e" + (entries.size() + 1);
        entries.add(new CountedEntry(
                id,
                entries.size() + 1,
                EntryKind.DEED,
                rule.code(),
                null,
                rule.standardCode(),
                rule.points(),
                rule.yearlyCap(),
                date,
                null));
        return id;
    }

    private void reverse(String entryId) {
        CountedEntry original = entries.stream()
                .filter(e -> e.entryId().equals(entryId))
                .findFirst()
                .orElseThrow();
        entries.add(new CountedEntry(
                "e" + (entries.size() + 1),
                entries.size() + 1,
                EntryKind.REVERSAL,
                original.ruleCode(),
                original.vetoCode(),
                original.standardCode(),
                -original.points(),
                original.ruleYearlyCap(),
                original.deedDate(),
                entryId));
    }

    private String veto(String code) {
        String id = "e" + (entries.size() + 1);
        entries.add(new CountedEntry(id, entries.size() + 1, EntryKind.VETO, null, code, null, 0, null, IN_2026, null));
        return id;
    }

    private Standing standing() {
        return BalanceRules.standing(2026, v1, entries);
    }

    @Test
    void aHouseholdWithoutEntriesHasTheBaseScore() {
        Standing s = standing();
        assertEquals(60, s.totalPoints());
        assertFalse(s.eligible());
        assertEquals(0, s.moralCreditLine());
    }

    @Test
    void standardIsHeldAtItsCapAndEightyPointsMakeEligibility() {
        deed("L02", IN_2026);
        deed("L02", IN_2026);
        Standing capped = standing();
        assertEquals(42, capped.standards().get(0).rawPoints());
        assertEquals(36, capped.standards().get(0).points(), "held at the standard's cap of 36");
        assertEquals(74, capped.totalPoints());
        assertFalse(capped.eligible());

        for (int i = 0; i < 3; i++) {
            deed("P01", IN_2026);
        }
        Standing s = standing();
        assertEquals(80, s.totalPoints());
        assertTrue(s.eligible());
        assertFalse(s.greenCard());
        assertEquals(30_000, s.moralCreditLine());
    }

    @Test
    void ruleYearlyCapCountsOnlyWhatIsLeft() {
        for (int i = 0; i < 6; i++) {
            deed("P01", IN_2026);
        }
        Standing s = standing();
        assertEquals(List.of(2, 2, 2, 2, 2, 0), List.copyOf(s.countedPoints().values()));
        assertEquals(13 + 10, s.standards().get(1).rawPoints());
        assertEquals(22, s.standards().get(1).points());
    }

    @Test
    void reversalRemovesTheEntryAndFreesItsCap() {
        String first = deed("P02", IN_2026);
        deed("P02", IN_2026);
        deed("P02", IN_2026);
        assertEquals(List.of(3, 3, 0), List.copyOf(standing().countedPoints().values()));

        reverse(first);

        assertEquals(List.of(3, 3), List.copyOf(standing().countedPoints().values()));
    }

    @Test
    void deductionsAreNotCappedAndBalancesNeverGoBelowZero() {
        for (int i = 0; i < 4; i++) {
            deed("L05", IN_2026);
        }
        Standing s = standing();
        assertEquals(22 - 40, s.standards().get(0).rawPoints());
        assertEquals(0, s.standards().get(0).points());
        assertEquals(38, s.totalPoints());
    }

    @Test
    void aVetoMakesTheYearIneligibleWhateverThePointsAndItsReversalLiftsIt() {
        for (String rule : List.of("L02", "L02", "P03", "P03", "H02", "H02", "F01", "F01")) {
            deed(rule, IN_2026);
        }
        assertTrue(standing().eligible());
        assertTrue(standing().greenCard());
        String veto = veto("V02");

        Standing vetoed = standing();
        assertFalse(vetoed.eligible());
        assertFalse(vetoed.greenCard());
        assertEquals(0, vetoed.moralCreditLine());
        assertEquals(List.of("V02"), vetoed.vetoCodes());

        reverse(veto);
        assertTrue(standing().eligible());
    }

    @Test
    void entriesOfAnotherYearDoNotCount() {
        deed("L02", LocalDate.of(2025, 12, 31));
        assertEquals(60, standing().totalPoints());
        assertEquals(70, BalanceRules.standing(2025, v1, entries).totalPoints());
    }
}

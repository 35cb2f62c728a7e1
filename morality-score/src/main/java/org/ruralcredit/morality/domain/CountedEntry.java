package org.ruralcredit.morality.domain;

import java.time.LocalDate;

/**
 * What the balance rules need of a ledger entry. {@code points} is the rule's nominal points for a
 * deed, the negated points of the reversed entry for a reversal, 0 for a veto.
 */
public record CountedEntry(
        String entryId,
        long seq,
        EntryKind kind,
        String ruleCode,
        String vetoCode,
        String standardCode,
        int points,
        Integer ruleYearlyCap,
        LocalDate deedDate,
        String reversesEntryId) {}

package org.ruralcredit.morality.domain;

/** What a proposal or ledger entry is: a deed under a rule, a veto item, or the reversal of an approved entry. */
public enum EntryKind {
    DEED,
    VETO,
    REVERSAL
}

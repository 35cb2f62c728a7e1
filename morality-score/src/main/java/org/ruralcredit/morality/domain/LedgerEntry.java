package org.ruralcredit.morality.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import org.ruralcredit.commons.chain.ChainRule;

/** One approved entry of a household's moral ledger; written once, never updated (the table refuses it). */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public String householdId;

    @Column(nullable = false)
    public long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryKind kind;

    @Column(name = "rule_code")
    public String ruleCode;

    @Column(name = "veto_code")
    public String vetoCode;

    @Column(name = "standard_code")
    public String standardCode;

    @Column(name = "catalogue_version", nullable = false)
    public int catalogueVersion;

    @Column(name = "deed_date", nullable = false)
    public LocalDate deedDate;

    @Column(nullable = false)
    public int points;

    @Column(name = "rule_yearly_cap")
    public Integer ruleYearlyCap;

    @Column(name = "reverses_entry_id")
    public UUID reversesEntryId;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(nullable = false)
    public String description;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "approved_by", nullable = false)
    public String approvedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    /** The form the entry is hashed with (1: before the shared form); a new entry gets the current one. */
    @Column(name = "chain_version", nullable = false)
    public int chainVersion = ChainRule.CURRENT_VERSION;

    public HashChain.Link link() {
        return HashChain.link(this);
    }

    public CountedEntry counted() {
        return new CountedEntry(
                id.toString(),
                seq,
                kind,
                ruleCode,
                vetoCode,
                standardCode,
                points,
                ruleYearlyCap,
                deedDate,
                Objects.toString(reversesEntryId, null));
    }
}

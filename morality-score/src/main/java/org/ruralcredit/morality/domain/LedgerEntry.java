package org.ruralcredit.morality.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

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

    /** The hashed content, in the chain's fixed field order. {@code recordedAt} is stored to the microsecond. */
    public List<String> canonicalFields() {
        return Arrays.asList(id.toString(), householdId, Long.toString(seq), kind.name(), ruleCode, vetoCode,
                standardCode, Integer.toString(catalogueVersion), deedDate.toString(), Integer.toString(points),
                Objects.toString(ruleYearlyCap, null), Objects.toString(reversesEntryId, null), proposalId.toString(),
                description, proposedBy, approvedBy, recordedAt.toString());
    }

    public HashChain.Link link() {
        return new HashChain.Link(seq, id.toString(), prevHash, entryHash, canonicalFields());
    }

    public CountedEntry counted() {
        return new CountedEntry(id.toString(), seq, kind, ruleCode, vetoCode, standardCode, points, ruleYearlyCap,
                deedDate, Objects.toString(reversesEntryId, null));
    }
}

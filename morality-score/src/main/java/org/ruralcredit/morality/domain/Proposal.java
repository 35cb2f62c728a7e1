package org.ruralcredit.morality.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clerk's proposed ledger entry, waiting for a township official's decision (maker-checker). */
@Entity
@Table(name = "proposal")
public class Proposal {

    public enum State {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public String householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "township_code", nullable = false)
    public String townshipCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryKind kind;

    @Column(name = "rule_code")
    public String ruleCode;

    @Column(name = "veto_code")
    public String vetoCode;

    @Column(name = "standard_code")
    public String standardCode;

    @Column(name = "reverses_entry_id")
    public UUID reversesEntryId;

    @Column(name = "catalogue_version", nullable = false)
    public int catalogueVersion;

    @Column(name = "deed_date", nullable = false)
    public LocalDate deedDate;

    @Column(nullable = false)
    public int points;

    @Column(nullable = false)
    public String description;

    @Column(name = "evidence_note")
    public String evidenceNote;

    @Column(name = "evidence_hash")
    public String evidenceHash;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    /** The proposer's name from their token (family name first for a Chinese name); null when it had none. */
    @Column(name = "proposed_by_name")
    public String proposedByName;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "ledger_entry_id")
    public UUID ledgerEntryId;
}

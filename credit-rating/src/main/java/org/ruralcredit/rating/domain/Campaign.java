package org.ruralcredit.rating.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A yearly rating campaign (评定批次) over a division: RATING while the households are rated,
 * POSTED during the public-posting window (公示期) when objections may be filed, FINALIZING while
 * the results are made final, FINALIZED when every result holds until {@link #validUntil}.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    public enum Status {
        RATING,
        POSTED,
        FINALIZING,
        FINALIZED
    }

    @Id
    public UUID id;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "posting_days", nullable = false)
    public int postingDays;

    @Column(name = "households_total", nullable = false)
    public int householdsTotal;

    @Column(name = "households_rated", nullable = false)
    public int householdsRated;

    @Column(name = "households_final", nullable = false)
    public int householdsFinal;

    /**
     * The last household finalized, in id order (the results' order). While rating, each lane of
     * the campaign keeps its own cursor (table campaign_lane).
     */
    @Column(name = "cursor_household_id")
    public UUID cursorHouseholdId;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "posting_opens_at")
    public Instant postingOpensAt;

    @Column(name = "posting_closes_at")
    public Instant postingClosesAt;

    @Column(name = "finalized_by")
    public String finalizedBy;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** Set while the campaign's passes fail, cleared by the next batch that succeeds. */
    @Column(name = "stalled_since")
    public Instant stalledSince;

    @Column(name = "last_failure_at")
    public Instant lastFailureAt;

    @Column(name = "failed_passes", nullable = false)
    public int failedPasses;

    @Column(name = "stall_reason")
    public String stallReason;
}

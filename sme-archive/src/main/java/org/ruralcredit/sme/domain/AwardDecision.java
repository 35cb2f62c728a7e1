package org.ruralcredit.sme.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency's decision on a firm's award, kept for the cooling-off rules. */
@Entity
@Table(name = "award_decision")
public class AwardDecision {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String uscc;

    @Column(nullable = false)
    public String programme;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(nullable = false)
    public String institution;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}

package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A warning to the lender holding an active loan with a subject whose standing worsened. */
@Entity
@Table(name = "early_warning")
public class EarlyWarning {

    @Id
    public UUID id;

    public String institution;

    @Column(name = "loan_id")
    public UUID loanId;

    @Column(name = "loan_ref")
    public String loanRef;

    @Enumerated(EnumType.STRING)
    public WarningRules.Kind kind;

    public String detail;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}

package org.ruralcredit.sme.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lender's report that an archived firm obtained financing. */
@Entity
@Table(name = "financing_report")
public class FinancingReport {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String uscc;

    @Column(nullable = false)
    public String institution;

    @Column(nullable = false)
    public long amount;

    @Column(name = "financed_on", nullable = false)
    public LocalDate financedOn;

    /** The firm's division when reported, so regional conversion does not move if the firm does. */
    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;
}

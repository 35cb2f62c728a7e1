package org.ruralcredit.gateway.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A loan a lender reported, in its current state (amounts in fen). */
@Entity
@Table(name = "loan")
public class Loan {

    @Id
    public UUID id;

    public String institution;

    @Column(name = "loan_ref")
    public String loanRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    @Column(name = "subject_id_enc")
    public byte[] subjectIdEnc;

    @Column(name = "subject_hash")
    public String subjectHash;

    /** The registry's household of a HOUSEHOLD borrower once known; null for firms and unknown heads. */
    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "amount_fen")
    public long amountFen;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "maturity_date")
    public LocalDate maturityDate;

    public String purpose;

    /** Yearly rate as a fraction; null on loans reported before the lender gave it. */
    @Column(name = "annual_rate")
    public BigDecimal annualRate;

    /** 信用贷款: neither collateral nor guarantor; null when not reported. */
    public Boolean unsecured;

    public String product;

    @Column(name = "outstanding_fen")
    public long outstandingFen;

    @Column(name = "overdue_days")
    public int overdueDays;

    @Enumerated(EnumType.STRING)
    public LoanClassification classification;

    /** The worst classification and the most overdue days the loan ever had: its adverse history. */
    @Enumerated(EnumType.STRING)
    @Column(name = "worst_classification")
    public LoanClassification worstClassification;

    @Column(name = "max_overdue_days")
    public int maxOverdueDays;

    /** The lender found the borrower in malicious default (恶意逃废债); once reported, it stays. */
    @Column(name = "malicious_default")
    public boolean maliciousDefault;

    public boolean settled;

    @Column(name = "settled_on")
    public LocalDate settledOn;

    public int revision;

    /**
     * Reported under the reporting rules: by a named officer's account, for a borrower the
     * institution had a granted query of or an admitted active loan with. Only admitted loans unlock
     * post-loan queries.
     */
    public boolean admitted;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Adverse information a lender proposed for one of its loans, with its approval, notice and objection (amounts in fen). */
@Entity
@Table(name = "loan_adverse_report")
public class LoanAdverseReport {

    public enum Decision {
        APPROVED,
        REJECTED
    }

    /** 短信, 上门, 书面. */
    public enum Channel {
        SMS,
        VISIT,
        LETTER
    }

    public enum WithdrawnReason {
        REJECTED,
        SETTLED,
        OBJECTION_UPHELD
    }

    @Id
    public UUID id;

    @Column(name = "loan_id")
    public UUID loanId;

    @Enumerated(EnumType.STRING)
    public LoanClassification classification;

    @Column(name = "malicious_default")
    public boolean maliciousDefault;

    @Column(name = "overdue_days")
    public int overdueDays;

    @Column(name = "outstanding_fen")
    public long outstandingFen;

    @Enumerated(EnumType.STRING)
    @Column(name = "base_classification")
    public LoanClassification baseClassification;

    @Column(name = "base_overdue_days")
    public int baseOverdueDays;

    @Column(name = "base_malicious_default")
    public boolean baseMaliciousDefault;

    @Enumerated(EnumType.STRING)
    @Column(name = "base_worst_classification")
    public LoanClassification baseWorstClassification;

    @Column(name = "base_max_overdue_days")
    public int baseMaxOverdueDays;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "noticed_on")
    public LocalDate noticedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "notice_channel")
    public Channel noticeChannel;

    @Column(name = "notice_recorded_by")
    public String noticeRecordedBy;

    @Column(name = "notice_recorded_at")
    public Instant noticeRecordedAt;

    @Column(name = "objection_id")
    public UUID objectionId;

    @Column(name = "objection_open")
    public boolean objectionOpen;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawn_reason")
    public WithdrawnReason withdrawnReason;

    public AdverseRules.Status status() {
        return AdverseRules.status(new AdverseRules.Facts(
                decision == Decision.APPROVED, noticedOn != null, withdrawnAt != null, objectionOpen));
    }
}

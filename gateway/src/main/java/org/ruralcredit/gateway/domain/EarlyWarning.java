package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** The sentence in English, as written when the warning was made. */
    public String detail;

    /** The values the sentence names; null for warnings made before they were kept. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "detail_args")
    public Map<String, Object> detailArgs;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}

package org.ruralcredit.rating.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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

import org.ruralcredit.events.rating.DivisionCriterion;
import org.ruralcredit.rating.domain.division.DivisionLevel;

/** One computation of a village's, township's or county's rating and its single approval decision. */
@Entity
@Table(name = "division_rating")
public class DivisionRatingRecord {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DivisionLevel level;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "rule_set_id", nullable = false)
    public String ruleSetId;

    @Column(name = "rule_set_version", nullable = false)
    public int ruleSetVersion;

    @Column(nullable = false)
    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DivisionCriterion> criteria;

    /** The counts the criteria were measured from (households, borrowers, balances in fen …). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> figures;

    /** Exact NPL ratio in percent, next year's growth baseline; null when there was no balance. */
    @Column(name = "npl_ratio_percent")
    public BigDecimal nplRatioPercent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "computed_by", nullable = false)
    public String computedBy;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;
}

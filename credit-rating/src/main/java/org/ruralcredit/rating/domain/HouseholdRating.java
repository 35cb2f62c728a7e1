package org.ruralcredit.rating.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import org.ruralcredit.rating.domain.scorecard.ScoreResult;

/**
 * One rating of one household, kept for ever and never changed; the newest is the current one.
 * Its JSON documents are only ever assigned whole, so Hibernate treats them as immutable values
 * and does not snapshot each by writing and re-reading its JSON (a quarter of a campaign's CPU).
 */
@Entity
@Immutable
@Table(name = "household_rating")
public class HouseholdRating {

    public enum Status {
        PROVISIONAL,
        FINAL
    }

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "model_code", nullable = false)
    public String modelCode;

    @Column(name = "model_version", nullable = false)
    public int modelVersion;

    @Column(name = "total_points", nullable = false)
    public int totalPoints;

    @Column(nullable = false)
    public String grade;

    @Column(name = "credit_household", nullable = false)
    public boolean creditHousehold;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<String> vetoes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<ScoreResult.IndicatorScore> indicators;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<ScoreResult.Reason> reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "inputs_as_of", nullable = false)
    public Map<String, LocalDate> inputsAsOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** EVENT for a re-rating after a change, CAMPAIGN for a yearly campaign, OBJECTION after an objection. */
    @Column(name = "rated_by", nullable = false)
    public String ratedBy;

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    @Column(name = "rated_at", nullable = false)
    public Instant ratedAt;

    /** The campaign (评定批次) that gave this rating, if any. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    /** Set on FINAL ratings: a finalised result holds for one year. */
    @Column(name = "valid_until")
    public LocalDate validUntil;
}

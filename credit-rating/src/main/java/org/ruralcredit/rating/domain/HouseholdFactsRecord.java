package org.ruralcredit.rating.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import org.ruralcredit.events.registry.HouseholdChanged;

/** The registry's latest facts of a household, as the rating service keeps them. */
@Entity
@DynamicUpdate // a rating writes only its columns, never back a stale copy of the facts
@Table(name = "household_facts")
public class HouseholdFactsRecord {

    @Id
    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "township_code", nullable = false)
    public String townshipCode;

    @Column(nullable = false)
    public String status;

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    /** The registry's latest event, replaced whole by a newer one and never changed in place. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public HouseholdChanged facts;

    @Column(name = "needs_rating", nullable = false)
    public boolean needsRating;

    /** When the household was last marked for re-rating; the rater waits for a quiet period after it. */
    @Column(name = "marked_at")
    public Instant markedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

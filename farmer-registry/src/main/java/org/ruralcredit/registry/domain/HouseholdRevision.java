package org.ruralcredit.registry.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An accepted change of a household file; written once, never changed. */
@Entity
@Immutable
@Table(name = "household_revision")
@IdClass(HouseholdRevision.Key.class)
public class HouseholdRevision {

    public enum Kind {
        CREATED,
        CORRECTED,
        CLOSED
    }

    public static class Key implements Serializable {
        public UUID householdId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.householdId, householdId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(householdId, version);
        }
    }

    @Id
    @Column(name = "household_id")
    public UUID householdId;

    @Id
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false)
    public Kind kind;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "changed_fields", nullable = false)
    public List<String> changedFields;

    /** The file as it was after this change, identifiers masked (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String snapshot;
}

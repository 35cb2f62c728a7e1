package org.ruralcredit.registry.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.ruralcredit.importfile.HouseholdFile;

/** A household's credit file as stored: identifiers encrypted, facts as one document. */
@Entity
@Table(name = "household")
public class Household {

    public enum Status {
        ACTIVE,
        CLOSED
    }

    public enum ClosedReason {
        MOVED_AWAY,
        MERGED,
        DECEASED,
        OTHER
    }

    @Id
    public UUID id;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "township_code", nullable = false)
    public String townshipCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_reason")
    public ClosedReason closedReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** 1 at creation, +1 per accepted change; a write naming another version is stale (409). */
    @Column(nullable = false)
    public int version;

    @Column(name = "head_name", nullable = false)
    public String headName;

    @Column(name = "head_id_hash", nullable = false)
    public String headIdHash;

    @Column(name = "phone_enc")
    public byte[] phoneEnc;

    @Column(name = "phone_hash")
    public String phoneHash;

    /** The phone as sealed into {@link #phoneEnc} in this unit of work, so it need not be decrypted again; never stored. */
    @Transient
    public String phoneAsWritten;

    @Column(nullable = false)
    public String address;

    @Column(name = "years_resident", nullable = false)
    public int yearsResident;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public HouseholdFacts facts;

    @ElementCollection
    @CollectionTable(name = "household_member", joinColumns = @JoinColumn(name = "household_id"))
    @OrderColumn(name = "position")
    public List<HouseholdMember> members = new ArrayList<>();

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public HouseholdMember head() {
        return members.stream()
                .filter(m -> m.relation == HouseholdFile.Relation.HEAD)
                .findFirst()
                .orElseThrow();
    }
}

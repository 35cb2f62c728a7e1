package org.ruralcredit.registry.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An accepted change of a village profile; never updated. */
@Entity
@Table(name = "village_profile_revision")
@IdClass(VillageProfileRevision.Key.class)
public class VillageProfileRevision {

    public static class Key implements Serializable {
        public String villageCode;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && Objects.equals(k.villageCode, villageCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(villageCode, revision);
        }
    }

    @Id
    @Column(name = "village_code")
    public String villageCode;

    @Id
    public int revision;

    @Column(name = "total_households", nullable = false)
    public int totalHouseholds;

    @Column(nullable = false)
    public int population;

    @Column(name = "figures_as_of", nullable = false)
    public LocalDate figuresAsOf;

    @Column(name = "committee_contact")
    public String committeeContact;

    public String reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}

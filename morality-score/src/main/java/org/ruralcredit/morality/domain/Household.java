package org.ruralcredit.morality.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A household as farmer-registry last announced it, plus the head's name the village clerk recorded. */
@Entity
@Table(name = "household")
public class Household {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public String id;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "township_code", nullable = false)
    public String townshipCode;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(nullable = false)
    public String status;

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    @Column(name = "head_name")
    public String headName;

    @Column(name = "ranking_opt_in", nullable = false)
    public boolean rankingOptIn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean active() {
        return ACTIVE.equals(status);
    }
}

package org.ruralcredit.rating.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A village as the registry last announced it. */
@Entity
@Table(name = "village")
public class Village {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "township_code", nullable = false)
    public String townshipCode;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "total_households", nullable = false)
    public int totalHouseholds;

    @Column(nullable = false)
    public int population;

    @Column(name = "figures_as_of", nullable = false)
    public LocalDate figuresAsOf;

    /** The registry's revision of the profile; an older one arriving late never overwrites a newer. */
    @Column(name = "source_revision", nullable = false)
    public long sourceRevision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

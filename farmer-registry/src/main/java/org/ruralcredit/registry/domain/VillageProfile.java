package org.ruralcredit.registry.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "village_profile")
public class VillageProfile {

    @Id
    @Column(name = "village_code")
    public String villageCode;

    @Column(name = "total_households", nullable = false)
    public int totalHouseholds;

    @Column(nullable = false)
    public int population;

    @Column(name = "figures_as_of", nullable = false)
    public LocalDate figuresAsOf;

    @Column(name = "committee_contact")
    public String committeeContact;

    /** Counts accepted changes from 1; a write naming another revision than this is stale (409). */
    @Column(nullable = false)
    public int revision;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

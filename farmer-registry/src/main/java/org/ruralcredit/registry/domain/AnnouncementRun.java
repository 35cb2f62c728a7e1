package org.ruralcredit.registry.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A run announcing every file of a division again, at
 * its current version and in the event's current form, in the order of the files' ids; the cursor
 * is the last file announced, so a run resumes where it stood after a restart.
 */
@Entity
@Table(name = "announcement_run")
public class AnnouncementRun {

    public enum Status {
        RUNNING,
        DONE
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String division;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "files_total", nullable = false)
    public long filesTotal;

    @Column(name = "files_announced", nullable = false)
    public long filesAnnounced;

    @Column(name = "cursor_household_id")
    public UUID cursorHouseholdId;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}

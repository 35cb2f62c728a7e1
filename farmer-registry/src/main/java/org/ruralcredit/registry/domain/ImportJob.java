package org.ruralcredit.registry.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One uploaded import file and how far its processing has come (the progress bar reads this). */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false)
    public String format;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    /** The uploader's township: only officials of it may see the job. */
    @Column(nullable = false)
    public String division;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "rows_total")
    public Long rowsTotal;

    @Column(name = "rows_done", nullable = false)
    public long rowsDone;

    @Column(name = "households_created", nullable = false)
    public long householdsCreated;

    @Column(name = "households_corrected", nullable = false)
    public long householdsCorrected;

    @Column(name = "households_unchanged", nullable = false)
    public long householdsUnchanged;

    @Column(name = "households_rejected", nullable = false)
    public long householdsRejected;

    @Column(name = "bad_rows", nullable = false)
    public long badRows;

    public String failure;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

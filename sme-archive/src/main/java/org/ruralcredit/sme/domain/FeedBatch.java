package org.ruralcredit.sme.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One upload of an agency feed and what became of its rows. */
@Entity
@Table(name = "feed_batch")
public class FeedBatch {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(nullable = false)
    public String format;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    @Column(name = "stored_rows", nullable = false)
    public int storedRows;

    @Column(name = "unchanged_rows", nullable = false)
    public int unchangedRows;

    @Column(name = "rejected_rows", nullable = false)
    public int rejectedRows;
}

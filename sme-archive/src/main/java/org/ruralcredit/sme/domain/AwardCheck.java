package org.ruralcredit.sme.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** The log entry of one award check: who asked, under which rules, and the per-code answers. */
@Entity
@Table(name = "award_check")
public class AwardCheck {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String programme;

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "rules", nullable = false, columnDefinition = "jsonb")
    public String rulesJson;

    public String institution;

    @Column(name = "checked_by", nullable = false)
    public String checkedBy;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "code_count", nullable = false)
    public int codeCount;

    @Column(name = "passed_count", nullable = false)
    public int passedCount;

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "results", nullable = false, columnDefinition = "jsonb")
    public String resultsJson;
}

package org.ruralcredit.sme.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Facts about one firm from one source as of one date (and, for utilities, one month). */
@Entity
@Table(name = "feed_fact")
public class FeedFact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String uscc;

    @Column(nullable = false)
    public String source;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(nullable = false)
    public String period;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> facts;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}

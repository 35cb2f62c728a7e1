package org.ruralcredit.rating.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An objection (异议) to a posted campaign result, filed by the household's township official.
 * UPHELD: the posted rating stands; RERATED: the household was rated again from corrected facts.
 */
@Entity
@Table(name = "objection")
public class Objection {

    public enum Status {
        OPEN,
        UPHELD,
        RERATED
    }

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "township_code", nullable = false)
    public String townshipCode;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "new_rating_id")
    public UUID newRatingId;
}

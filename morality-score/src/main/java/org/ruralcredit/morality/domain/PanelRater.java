package org.ruralcredit.morality.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named rater of a round (村委委员, 驻村干部, 乡贤 …); the official or clerk enters their scores. */
@Entity
@Table(name = "panel_rater")
public class PanelRater {

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String role;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}

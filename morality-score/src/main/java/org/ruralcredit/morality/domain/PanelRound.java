package org.ruralcredit.morality.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 背靠背打分 round for one village: open while scores come in (sealed), closed with the results. */
@Entity
@Table(name = "panel_round")
public class PanelRound {

    /** The round's states, as a listing filters them ({@link #state} holds the name). */
    public enum State {
        OPEN,
        CLOSED
    }

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "township_code", nullable = false)
    public String townshipCode;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String state;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;
}

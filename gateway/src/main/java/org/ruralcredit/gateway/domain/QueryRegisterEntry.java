package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of the query register; never changed once written. */
@Entity
@Immutable
@Table(name = "query_register")
public class QueryRegisterEntry {

    @Id
    public long seq;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public String username;

    public String institution;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_ref")
    public String subjectRef;

    public String purpose;

    @Column(name = "consent_id")
    public UUID consentId;

    public String outcome;

    public String reason;

    @Column(name = "prev_hash")
    public String prevHash;

    @Column(name = "entry_hash")
    public String entryHash;
}

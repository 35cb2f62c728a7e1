package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subject's consent to one institution's query for one purpose, as stored (identifier encrypted). */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    @Column(name = "subject_id_enc")
    public byte[] subjectIdEnc;

    @Column(name = "subject_hash")
    public String subjectHash;

    public String institution;

    @Enumerated(EnumType.STRING)
    public ConsentPurpose purpose;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "letter_sha256")
    public String letterSha256;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "on_behalf_division")
    public String onBehalfDivision;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public QueryRules.ConsentState state() {
        return new QueryRules.ConsentState(
                institution, subjectType, purpose, signedOn, expiresOn, revokedAt != null, usedAt != null);
    }

    /** What {@link #status(LocalDate)} answers; a list of consents can be narrowed to one of them. */
    public static final List<String> STATUSES = List.of("ACTIVE", "USED", "REVOKED", "EXPIRED");

    /** ACTIVE, USED, REVOKED or EXPIRED on {@code today}, for display. */
    public String status(LocalDate today) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        if (purpose.singleUse() && usedAt != null) {
            return "USED";
        }
        return today.isAfter(expiresOn) ? "EXPIRED" : "ACTIVE";
    }
}

package org.ruralcredit.sme.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** A firm's archive head record. Personal data of the representative and contact is ciphertext only. */
@Entity
@Table(name = "enterprise")
public class Enterprise {

    @Id
    public String uscc;

    @Column(nullable = false)
    public String name;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "industry_code")
    public String industryCode;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    @Column(name = "has_bank_loan", nullable = false)
    public boolean hasBankLoan;

    @Column(name = "registered_capital")
    public Long registeredCapital;

    public Integer employees;

    @Column(name = "legal_rep_name")
    public String legalRepName;

    @Column(name = "legal_rep_id_cipher")
    public String legalRepIdCipher;

    @Column(name = "legal_rep_id_hash")
    public String legalRepIdHash;

    @Column(name = "legal_rep_phone_cipher")
    public String legalRepPhoneCipher;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone_cipher")
    public String contactPhoneCipher;

    public String address;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** Current scorecard result; null until the firm was first scored. */
    public Integer score;

    public String grade;

    @Column(name = "scored_at")
    public Instant scoredAt;

    /** Points per indicator as JSON, written by the scoring service. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "score_card", columnDefinition = "jsonb")
    public String scoreCardJson;
}

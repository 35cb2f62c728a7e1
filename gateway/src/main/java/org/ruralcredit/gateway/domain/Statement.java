package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An objection or a personal statement about a subject's report (identifier encrypted). */
@Entity
@Table(name = "statement")
public class Statement {

    public enum Kind {
        OBJECTION,
        STATEMENT
    }

    public enum Outcome {
        UPHELD,
        REJECTED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    @Column(name = "subject_id_enc")
    public byte[] subjectIdEnc;

    @Column(name = "subject_hash")
    public String subjectHash;

    public String section;

    @Column(name = "owning_service")
    public String owningService;

    public String text;

    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "answer_due_on")
    public LocalDate answerDueOn;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;
}

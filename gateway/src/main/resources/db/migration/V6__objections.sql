-- 异议与个人声明: a subject's objection to a fact on its report, routed to the service that owns the
-- fact and answered by credit-admin within 20 days; or a personal statement shown on the report.
CREATE TABLE statement (
    id                UUID          PRIMARY KEY,
    kind              VARCHAR(10)   NOT NULL CHECK (kind IN ('OBJECTION', 'STATEMENT')),
    subject_type      VARCHAR(10)   NOT NULL CHECK (subject_type IN ('HOUSEHOLD', 'FIRM')),
    subject_id_enc    BYTEA         NOT NULL,
    subject_hash      CHAR(64)      NOT NULL,
    section           VARCHAR(20)   NOT NULL,
    owning_service    VARCHAR(20)   NOT NULL,
    text              VARCHAR(1000) NOT NULL,
    raised_by         VARCHAR(100)  NOT NULL,
    raised_at         TIMESTAMPTZ   NOT NULL,
    answer_due_on     DATE,
    outcome           VARCHAR(10)   CHECK (outcome IN ('UPHELD', 'REJECTED')),
    answer            VARCHAR(1000),
    answered_by       VARCHAR(100),
    answered_at       TIMESTAMPTZ
);
CREATE INDEX statement_subject ON statement (subject_hash);
CREATE INDEX statement_queue ON statement (owning_service, raised_at) WHERE kind = 'OBJECTION' AND answered_at IS NULL;

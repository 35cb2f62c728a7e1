-- Award decisions agencies record (for cooling-off), and the log of every award check.
CREATE TABLE award_decision (
    id          UUID         PRIMARY KEY,
    uscc        CHAR(18)     NOT NULL REFERENCES enterprise (uscc),
    programme   VARCHAR(64)  NOT NULL,
    outcome     VARCHAR(16)  NOT NULL CHECK (outcome IN ('GRANTED', 'REVOKED', 'WITHDRAWN')),
    decided_on  DATE         NOT NULL,
    institution VARCHAR(64)  NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (uscc, programme, outcome, decided_on)
);
CREATE INDEX award_decision_uscc ON award_decision (uscc);

CREATE TABLE award_check (
    id           UUID         PRIMARY KEY,
    programme    VARCHAR(64)  NOT NULL,
    rules        JSONB        NOT NULL,
    institution  VARCHAR(64),
    checked_by   VARCHAR(100) NOT NULL,
    checked_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    code_count   INTEGER      NOT NULL,
    passed_count INTEGER      NOT NULL,
    results      JSONB        NOT NULL
);
CREATE INDEX award_check_institution ON award_check (institution, checked_at DESC);

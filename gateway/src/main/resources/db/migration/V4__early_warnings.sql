-- 预警: a warning per lender's active loan when its borrower's standing worsens. One per loan and
-- source event, so a redelivered event cannot warn twice even past the inbox.
CREATE TABLE early_warning (
    id               UUID          PRIMARY KEY,
    institution      VARCHAR(64)   NOT NULL,
    loan_id          UUID          NOT NULL REFERENCES loan (id),
    loan_ref         VARCHAR(64)   NOT NULL,
    kind             VARCHAR(30)   NOT NULL,
    detail           VARCHAR(500)  NOT NULL,
    source_event_id  UUID          NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  VARCHAR(100),
    UNIQUE (loan_id, source_event_id, kind)
);
CREATE INDEX early_warning_open ON early_warning (institution, created_at DESC);

-- The last state seen per watched subject (a household's rating, its moral standing for a year, a
-- firm's score), to tell a worsening from a first announcement.
CREATE TABLE watch_state (
    source      VARCHAR(20)  NOT NULL,
    subject     VARCHAR(80)  NOT NULL,
    grade       VARCHAR(20),
    score       INT,
    flag        BOOLEAN,
    updated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source, subject)
);

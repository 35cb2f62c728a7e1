-- Loans as lenders reported them to the gateway (lending.loan.v1): the whole current state per
-- loan, newest revision wins. ever_non_performing keeps a loan that recovered counted as bad in
-- outcome statistics.
CREATE TABLE loan_state (
    loan_id              VARCHAR(64)  PRIMARY KEY,
    institution          VARCHAR(64)  NOT NULL,
    subject_type         VARCHAR(10)  NOT NULL,
    subject_hash         CHAR(64)     NOT NULL,
    amount_fen           BIGINT       NOT NULL,
    outstanding_fen      BIGINT       NOT NULL,
    overdue_days         INTEGER      NOT NULL,
    classification       VARCHAR(20)  NOT NULL,
    non_performing       BOOLEAN      NOT NULL,
    ever_non_performing  BOOLEAN      NOT NULL,
    settled              BOOLEAN      NOT NULL,
    start_date           DATE,
    settled_on           DATE,
    revision             INTEGER      NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX loan_state_subject ON loan_state (subject_hash);

-- Which household a borrower's keyed hash names (the head's resident-id lookup hash, as the
-- registry computes it). Loans of an unknown hash are kept but count towards no division.
CREATE TABLE household_subject (
    subject_hash   CHAR(64)  PRIMARY KEY,
    household_id   UUID      NOT NULL
);
CREATE INDEX household_subject_household ON household_subject (household_id);

-- The current rating of each household, kept beside its facts so division figures and grade
-- distributions are one scan of this table, not a search for the newest of every history.
ALTER TABLE household_facts
    ADD COLUMN current_rating_id UUID,
    ADD COLUMN current_grade VARCHAR(10),
    ADD COLUMN current_credit_household BOOLEAN,
    ADD COLUMN current_points INTEGER;
CREATE INDEX household_facts_township ON household_facts (township_code);

ALTER TABLE household_rating
    ADD COLUMN campaign_id UUID,
    ADD COLUMN valid_until DATE;

-- Village, township and county ratings: one row per computation, never changed except by the
-- single approval (maker-checker: who computed, who decided, when).
CREATE TABLE division_rating (
    id                UUID         PRIMARY KEY,
    level             VARCHAR(10)  NOT NULL CHECK (level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
    division_code     VARCHAR(12)  NOT NULL,
    rule_set_id       VARCHAR(60)  NOT NULL,
    rule_set_version  INTEGER      NOT NULL,
    outcome           VARCHAR(16)  NOT NULL,
    criteria          JSONB        NOT NULL,
    figures           JSONB        NOT NULL,
    npl_ratio_percent NUMERIC(12, 6),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    computed_by       VARCHAR(100) NOT NULL,
    computed_at       TIMESTAMPTZ  NOT NULL,
    decided_by        VARCHAR(100),
    decided_at        TIMESTAMPTZ,
    decision_note     VARCHAR(500)
);
CREATE INDEX division_rating_division ON division_rating (level, division_code, computed_at DESC);

-- Yearly rating campaigns (评定批次) over a division. The rater walks the division's households
-- in id order from cursor_household_id, so a campaign streams and resumes after a restart.
CREATE TABLE campaign (
    id                  UUID         PRIMARY KEY,
    division_code       VARCHAR(12)  NOT NULL,
    status              VARCHAR(12)  NOT NULL CHECK (status IN ('RATING', 'POSTED', 'FINALIZING', 'FINALIZED')),
    posting_days        INTEGER      NOT NULL,
    households_total    INTEGER      NOT NULL,
    households_rated    INTEGER      NOT NULL,
    households_final    INTEGER      NOT NULL,
    cursor_household_id UUID,
    started_by          VARCHAR(100) NOT NULL,
    started_at          TIMESTAMPTZ  NOT NULL,
    posting_opens_at    TIMESTAMPTZ,
    posting_closes_at   TIMESTAMPTZ,
    finalized_by        VARCHAR(100),
    finalized_at        TIMESTAMPTZ,
    valid_until         DATE
);
CREATE UNIQUE INDEX campaign_one_open_per_division ON campaign (division_code) WHERE status <> 'FINALIZED';

-- The rating each household received in a campaign; an objection re-rate replaces it.
CREATE TABLE campaign_household (
    campaign_id   UUID  NOT NULL REFERENCES campaign (id),
    household_id  UUID  NOT NULL,
    rating_id     UUID  NOT NULL,
    PRIMARY KEY (campaign_id, household_id)
);

-- Objections (异议) during the posting window: one per household and campaign.
CREATE TABLE objection (
    id               UUID         PRIMARY KEY,
    campaign_id      UUID         NOT NULL REFERENCES campaign (id),
    household_id     UUID         NOT NULL,
    township_code    VARCHAR(9)   NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    status           VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'RERATED')),
    filed_by         VARCHAR(100) NOT NULL,
    filed_at         TIMESTAMPTZ  NOT NULL,
    resolved_by      VARCHAR(100),
    resolved_at      TIMESTAMPTZ,
    resolution_note  VARCHAR(1000),
    new_rating_id    UUID,
    UNIQUE (campaign_id, household_id)
);

-- Lenders' own credit-line policies (评分、授信分离), versioned per institution.
CREATE TABLE lender_policy (
    institution   VARCHAR(64)  NOT NULL,
    policy_id     VARCHAR(60)  NOT NULL,
    version       INTEGER      NOT NULL,
    document      JSONB        NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (institution, policy_id, version)
);

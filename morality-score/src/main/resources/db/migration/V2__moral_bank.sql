-- The moral bank (道德银行): versioned rule catalogue, household directory, maker-checker proposals,
-- the hash-chained ledger and blind panel rounds.

-- Standards and their caps now live in each catalogue version, so no second source of caps remains.
DROP TABLE moral_standard;

-- One row per catalogue version; a version is never changed, an edit is a new version.
CREATE TABLE catalogue_version (
    version         INTEGER      PRIMARY KEY CHECK (version > 0),
    effective_from  DATE         NOT NULL,
    document        JSONB        NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);

-- Households as farmer-registry announces them (registry.household.v1); the head's name and the
-- ranking opt-in are recorded here by the village clerk, since registry events carry no names.
CREATE TABLE household (
    id              VARCHAR(64)  PRIMARY KEY,
    village_code    CHAR(12)     NOT NULL,
    township_code   CHAR(9)      NOT NULL,
    county_code     CHAR(6)      NOT NULL,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    source_version  BIGINT       NOT NULL,
    head_name       VARCHAR(40),
    ranking_opt_in  BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX household_village ON household (village_code);

CREATE TABLE proposal (
    id                 UUID         PRIMARY KEY,
    household_id       VARCHAR(64)  NOT NULL REFERENCES household (id),
    village_code       CHAR(12)     NOT NULL,
    township_code      CHAR(9)      NOT NULL,
    kind               VARCHAR(10)  NOT NULL CHECK (kind IN ('DEED', 'VETO', 'REVERSAL')),
    rule_code          VARCHAR(20),
    veto_code          VARCHAR(20),
    standard_code      VARCHAR(40),
    reverses_entry_id  UUID,
    catalogue_version  INTEGER      NOT NULL REFERENCES catalogue_version (version),
    deed_date          DATE         NOT NULL,
    points             INTEGER      NOT NULL,
    description        VARCHAR(500) NOT NULL,
    evidence_note      VARCHAR(500),
    evidence_hash      CHAR(64),
    proposed_by        VARCHAR(100) NOT NULL,
    proposed_at        TIMESTAMPTZ  NOT NULL,
    state              VARCHAR(10)  NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by         VARCHAR(100),
    decided_at         TIMESTAMPTZ,
    decision_reason    VARCHAR(500),
    ledger_entry_id    UUID,
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX proposal_pending ON proposal (township_code) WHERE state = 'PENDING';
CREATE INDEX proposal_by_clerk ON proposal (proposed_by, proposed_at);

-- 道德积分账本: append-only (the trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained per
-- household: entry_hash covers prev_hash and the entry's canonical content.
CREATE TABLE ledger_entry (
    id                 UUID         PRIMARY KEY,
    household_id       VARCHAR(64)  NOT NULL REFERENCES household (id),
    seq                BIGINT       NOT NULL CHECK (seq > 0),
    kind               VARCHAR(10)  NOT NULL CHECK (kind IN ('DEED', 'VETO', 'REVERSAL')),
    rule_code          VARCHAR(20),
    veto_code          VARCHAR(20),
    standard_code      VARCHAR(40),
    catalogue_version  INTEGER      NOT NULL REFERENCES catalogue_version (version),
    deed_date          DATE         NOT NULL,
    points             INTEGER      NOT NULL,
    rule_yearly_cap    INTEGER,
    reverses_entry_id  UUID         UNIQUE REFERENCES ledger_entry (id),
    proposal_id        UUID         NOT NULL UNIQUE REFERENCES proposal (id),
    description        VARCHAR(500) NOT NULL,
    proposed_by        VARCHAR(100) NOT NULL,
    approved_by        VARCHAR(100) NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL,
    prev_hash          CHAR(64)     NOT NULL,
    entry_hash         CHAR(64)     NOT NULL UNIQUE,
    UNIQUE (household_id, seq)
);
CREATE INDEX ledger_recorded ON ledger_entry (recorded_at);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only';
END;
$$ LANGUAGE plpgsql;

-- Statement level, so even an UPDATE or DELETE that matches no row (and TRUNCATE) is refused.
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only();

-- 背靠背打分: a township official opens a round for a village and names the raters; scores stay
-- sealed (never returned) until the round closes with at least five raters.
CREATE TABLE panel_round (
    id             UUID         PRIMARY KEY,
    village_code   CHAR(12)     NOT NULL,
    township_code  CHAR(9)      NOT NULL,
    title          VARCHAR(200) NOT NULL,
    state          VARCHAR(10)  NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    opened_by      VARCHAR(100) NOT NULL,
    opened_at      TIMESTAMPTZ  NOT NULL,
    closed_by      VARCHAR(100),
    closed_at      TIMESTAMPTZ
);

CREATE TABLE panel_rater (
    id         UUID         PRIMARY KEY,
    round_id   UUID         NOT NULL REFERENCES panel_round (id),
    name       VARCHAR(40)  NOT NULL,
    role       VARCHAR(40)  NOT NULL,
    added_by   VARCHAR(100) NOT NULL,
    added_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (round_id, name)
);

CREATE TABLE panel_score (
    round_id      UUID         NOT NULL REFERENCES panel_round (id),
    rater_id      UUID         NOT NULL REFERENCES panel_rater (id),
    household_id  VARCHAR(64)  NOT NULL REFERENCES household (id),
    score         INTEGER      NOT NULL CHECK (score BETWEEN 0 AND 100),
    entered_by    VARCHAR(100) NOT NULL,
    entered_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (rater_id, household_id)
);

CREATE TABLE panel_result (
    round_id      UUID          NOT NULL REFERENCES panel_round (id),
    household_id  VARCHAR(64)   NOT NULL REFERENCES household (id),
    trimmed_mean  NUMERIC(5, 2) NOT NULL,
    rater_count   INTEGER       NOT NULL,
    closed_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (round_id, household_id)
);
CREATE INDEX panel_result_household ON panel_result (household_id, closed_at);

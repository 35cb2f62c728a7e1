-- Scorecard models: documents, versioned; one ACTIVE per code rates new results. A model that
-- has rated anything is never changed (a new version is made instead).
CREATE TABLE scorecard_model (
    code          VARCHAR(50)  NOT NULL,
    version       INTEGER      NOT NULL,
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    document      JSONB        NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    activated_by  VARCHAR(100),
    activated_at  TIMESTAMPTZ,
    PRIMARY KEY (code, version)
);
CREATE UNIQUE INDEX scorecard_model_one_active ON scorecard_model (code) WHERE status = 'ACTIVE';

-- The facts the scorecard reads, kept here from registry.household.v1 so rating never calls
-- another service. needs_rating marks households changed since their last rating: the rater
-- picks them up in batches, which also folds a burst of changes into one rating.
CREATE TABLE household_facts (
    household_id    UUID         PRIMARY KEY,
    village_code    VARCHAR(12)  NOT NULL,
    township_code   VARCHAR(9)   NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    source_version  BIGINT       NOT NULL,
    facts           JSONB        NOT NULL,
    needs_rating    BOOLEAN      NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX household_facts_pending ON household_facts (household_id) WHERE needs_rating;
CREATE INDEX household_facts_village ON household_facts (village_code);

-- Every rating ever given; the newest per household is its current one.
CREATE TABLE household_rating (
    id               UUID         PRIMARY KEY,
    household_id     UUID         NOT NULL,
    village_code     VARCHAR(12)  NOT NULL,
    model_code       VARCHAR(50)  NOT NULL,
    model_version    INTEGER      NOT NULL,
    total_points     INTEGER      NOT NULL,
    grade            VARCHAR(10)  NOT NULL,
    credit_household BOOLEAN      NOT NULL,
    vetoes           JSONB        NOT NULL,
    indicators       JSONB        NOT NULL,
    reasons          JSONB        NOT NULL,
    inputs_as_of     JSONB        NOT NULL,
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('PROVISIONAL', 'FINAL')),
    rated_by         VARCHAR(20)  NOT NULL,
    source_version   BIGINT       NOT NULL,
    rated_at         TIMESTAMPTZ  NOT NULL,
    FOREIGN KEY (model_code, model_version) REFERENCES scorecard_model (code, version)
);
CREATE INDEX household_rating_current ON household_rating (household_id, rated_at DESC);

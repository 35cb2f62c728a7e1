-- Household credit files. Resident IDs and phone numbers are stored only encrypted (AES-GCM,
-- *_enc) with a keyed hash (HMAC-SHA256, *_hash) for exact look-ups; facts the scorecard reads
-- are one JSON document per household, each group with its as-of date and source.
CREATE TABLE household (
    id              UUID         PRIMARY KEY,
    village_code    VARCHAR(12)  NOT NULL REFERENCES division (code),
    township_code   VARCHAR(9)   NOT NULL,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    closed_reason   VARCHAR(20),
    closed_at       TIMESTAMPTZ,
    version         INTEGER      NOT NULL,
    head_name       VARCHAR(50)  NOT NULL,
    head_id_hash    CHAR(64)     NOT NULL,
    phone_enc       BYTEA,
    phone_hash      CHAR(64),
    address         VARCHAR(200) NOT NULL,
    years_resident  INTEGER      NOT NULL,
    facts           JSONB        NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_by      VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX household_village ON household (village_code, status);
CREATE INDEX household_township ON household (township_code, status);
CREATE INDEX household_head ON household (head_id_hash);
CREATE INDEX household_phone ON household (phone_hash);

CREATE TABLE household_member (
    household_id    UUID         NOT NULL REFERENCES household (id),
    position        SMALLINT     NOT NULL,
    name            VARCHAR(50)  NOT NULL,
    relation        VARCHAR(12)  NOT NULL,
    resident_id_enc BYTEA        NOT NULL,
    resident_id_hash CHAR(64)    NOT NULL,
    sex             CHAR(1)      NOT NULL,
    birth_date      DATE         NOT NULL,
    education       VARCHAR(20),
    health          VARCHAR(20),
    occupation      VARCHAR(50),
    labour_status   VARCHAR(10),
    PRIMARY KEY (household_id, position)
);
CREATE INDEX household_member_id ON household_member (resident_id_hash);

-- A person belongs to at most one active household: the unique key enforces it even under
-- concurrent writes. Rows leave when a member leaves or the household is closed.
CREATE TABLE active_person (
    resident_id_hash CHAR(64)    PRIMARY KEY,
    household_id     UUID        NOT NULL REFERENCES household (id)
);
CREATE INDEX active_person_household ON active_person (household_id);

-- Every accepted change: who, when, why, which fields, and the file as it then was (with
-- identifiers masked; their keyed hashes let the field diff see a changed ID).
CREATE TABLE household_revision (
    household_id    UUID         NOT NULL REFERENCES household (id),
    version         INTEGER      NOT NULL,
    change_kind     VARCHAR(10)  NOT NULL CHECK (change_kind IN ('CREATED', 'CORRECTED', 'CLOSED')),
    changed_by      VARCHAR(100) NOT NULL,
    changed_at      TIMESTAMPTZ  NOT NULL,
    reason          VARCHAR(500),
    changed_fields  JSONB        NOT NULL,
    snapshot        JSONB        NOT NULL,
    PRIMARY KEY (household_id, version)
);

-- The read model reports are served from (农户信用报告 without a call to another service): what the
-- registry, credit-rating and the moral bank announced about each household, kept from their events.
-- Each row says when the newest event applied to it was written (as_of); a late or repeated event
-- never replaces a newer one (the upserts compare the file version, or the events' time-ordered ids).

-- The registry's file as a report shows it: the head masked (name and ID sealed with the platform's
-- cipher even so), the facts as registry.household.v1 carries them.
CREATE TABLE report_household (
    household_id     UUID         PRIMARY KEY,
    village_code     VARCHAR(12)  NOT NULL,
    township_code    VARCHAR(9)   NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    head_name_enc    BYTEA,
    head_id_enc      BYTEA,
    profile          JSONB        NOT NULL,
    file_version     BIGINT       NOT NULL,
    file_updated_at  TIMESTAMPTZ,
    event_id         UUID         NOT NULL,
    as_of            TIMESTAMPTZ  NOT NULL
);
-- The whole-village list (整村授信) reads a village's active files.
CREATE INDEX report_household_village ON report_household (village_code) WHERE status = 'ACTIVE';

-- Every rating of a household as its latest announcement describes it (status moves from
-- PROVISIONAL to FINAL, then FINAL_EXPIRED).
CREATE TABLE report_rating (
    household_id  UUID         NOT NULL,
    rating_id     UUID         NOT NULL,
    rated_at      TIMESTAMPTZ  NOT NULL,
    rating        JSONB        NOT NULL,
    event_id      UUID         NOT NULL,
    PRIMARY KEY (household_id, rating_id)
);

-- The household's current rating as credit-rating last named it (null: an announcement older than
-- the field; the newest rating is then shown as current).
CREATE TABLE report_rating_current (
    household_id  UUID         PRIMARY KEY,
    rating_id     UUID,
    event_id      UUID         NOT NULL,
    as_of         TIMESTAMPTZ  NOT NULL
);

-- The moral bank's profile of the household's newest year announced.
CREATE TABLE report_morality (
    household_id  UUID         PRIMARY KEY,
    year          INT          NOT NULL,
    profile       JSONB        NOT NULL,
    event_id      UUID         NOT NULL,
    as_of         TIMESTAMPTZ  NOT NULL
);

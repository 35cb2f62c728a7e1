-- Agency feed uploads: one batch per upload, one fact row per firm, source, as-of date and period
-- (the metered month for utilities, '' otherwise). Re-uploading the same rows changes nothing;
-- a row with the same key and new values is a correction of that fact.
CREATE TABLE feed_batch (
    id             UUID         PRIMARY KEY,
    source         VARCHAR(32)  NOT NULL,
    as_of          DATE         NOT NULL,
    format         VARCHAR(8)   NOT NULL CHECK (format IN ('CSV', 'JSON')),
    content_sha256 CHAR(64)     NOT NULL,
    uploaded_by    VARCHAR(100) NOT NULL,
    uploaded_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    total_rows     INTEGER      NOT NULL,
    stored_rows    INTEGER      NOT NULL,
    unchanged_rows INTEGER      NOT NULL,
    rejected_rows  INTEGER      NOT NULL
);
CREATE INDEX feed_batch_source ON feed_batch (source, uploaded_at DESC);

CREATE TABLE feed_fact (
    id          BIGSERIAL    PRIMARY KEY,
    uscc        CHAR(18)     NOT NULL REFERENCES enterprise (uscc),
    source      VARCHAR(32)  NOT NULL,
    as_of       DATE         NOT NULL,
    period      VARCHAR(7)   NOT NULL DEFAULT '',
    facts       JSONB        NOT NULL,
    batch_id    UUID         NOT NULL REFERENCES feed_batch (id),
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (uscc, source, as_of, period)
);
CREATE INDEX feed_fact_history ON feed_fact (uscc, source, as_of DESC);

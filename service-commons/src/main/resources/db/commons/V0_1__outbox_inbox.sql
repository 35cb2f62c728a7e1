-- Shared by every service: the transactional outbox and the inbox of applied events.

-- Written in the same transaction as the state change it announces; the relay publishes rows in
-- id order and stamps published_at. id order is commit order closely enough for per-aggregate
-- order because one aggregate's changes are serialised by its own row lock / version.
CREATE TABLE outbox_event (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    event_type    VARCHAR(100) NOT NULL,
    topic         VARCHAR(100) NOT NULL,
    aggregate_id  VARCHAR(64)  NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;

-- One row per event a consumer has applied, inserted in the same transaction as the effect, so a
-- redelivered event is recognised and skipped.
CREATE TABLE inbox_event (
    consumer      VARCHAR(64)  NOT NULL,
    event_id      UUID         NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    aggregate_id  VARCHAR(64)  NOT NULL,
    applied_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency keys (service-commons' IdempotencyStore): the successful answer of a write sent with
-- an Idempotency-Key, kept per caller so a resend is answered the same and filed once. The row is
-- inserted in the write's own transaction, before the write: a concurrent resend waits on the
-- primary key until the first commits, then replays. Old keys are deleted by IdempotencyRetention.
CREATE TABLE idempotency_key (
    caller          TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    operation       TEXT        NOT NULL,
    -- SHA-256 hex of the operation, path parameters and canonical body
    fingerprint     TEXT        NOT NULL,
    status          SMALLINT,
    -- the answer's JSON, as the service's AnswerSeal keeps it (encrypted where it shows identifiers)
    body            BYTEA,
    location        TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

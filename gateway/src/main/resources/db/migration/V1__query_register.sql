-- 查询登记簿: every credit-report request, granted or refused, written before any data leaves.
-- Append-only (the trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained: entry_hash covers the
-- entry's fields and prev_hash, so a changed or removed row breaks the chain.
CREATE TABLE query_register (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    username      VARCHAR(100) NOT NULL,
    institution   VARCHAR(64),
    subject_type  VARCHAR(10)  NOT NULL CHECK (subject_type IN ('HOUSEHOLD', 'FIRM')),
    subject_ref   VARCHAR(64)  NOT NULL,
    purpose       VARCHAR(30)  NOT NULL,
    consent_id    UUID,
    outcome       VARCHAR(10)  NOT NULL CHECK (outcome IN ('GRANTED', 'REFUSED')),
    reason        VARCHAR(200),
    prev_hash     CHAR(64)     NOT NULL,
    entry_hash    CHAR(64)     NOT NULL UNIQUE
);

CREATE FUNCTION query_register_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'query_register is append-only';
END;
$$ LANGUAGE plpgsql;

-- Statement level, so even an UPDATE or DELETE that matches no row (and TRUNCATE) is refused.
CREATE TRIGGER query_register_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON query_register
    FOR EACH STATEMENT EXECUTE FUNCTION query_register_append_only();

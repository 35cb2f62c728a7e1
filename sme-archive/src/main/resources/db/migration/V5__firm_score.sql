-- The firm's current score and grade, recomputed whenever its facts or filings change, so the
-- no-loan list can filter by grade without scoring every firm on every request.
ALTER TABLE enterprise
    ADD COLUMN score      INTEGER,
    ADD COLUMN grade      CHAR(1) CHECK (grade IN ('A', 'B', 'C', 'D')),
    ADD COLUMN scored_at  TIMESTAMPTZ,
    ADD COLUMN score_card JSONB;
CREATE INDEX enterprise_no_loan ON enterprise (division_code) WHERE NOT has_bank_loan;

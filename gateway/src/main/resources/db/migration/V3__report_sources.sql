-- A loan's adverse history for the credit report: the worst classification and the most overdue
-- days it ever had (the current state alone forgets a cured default).
ALTER TABLE loan ADD COLUMN worst_classification VARCHAR(20);
ALTER TABLE loan ADD COLUMN max_overdue_days INT NOT NULL DEFAULT 0 CHECK (max_overdue_days >= 0);
UPDATE loan SET worst_classification = classification, max_overdue_days = overdue_days;
ALTER TABLE loan ALTER COLUMN worst_classification SET NOT NULL;
CREATE INDEX loan_subject ON loan (subject_hash);

-- The registry's household id for a subject's keyed hash, as last seen: lets the report ask
-- credit-rating and morality-score in parallel with the registry, and still when the registry is down.
CREATE TABLE household_link (
    subject_hash   CHAR(64)     PRIMARY KEY,
    household_id   UUID         NOT NULL,
    village_code   VARCHAR(12)  NOT NULL,
    seen_at        TIMESTAMPTZ  NOT NULL
);

-- Query records of a subject ("who asked, when") are read by subject.
CREATE INDEX query_register_subject ON query_register (subject_ref, seq);

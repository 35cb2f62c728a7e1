-- The scorecard's loan-record indicators count loans that were ever overdue, not only those
-- overdue today: a loan repaid late stays on the record for five years.
ALTER TABLE loan_state ADD COLUMN ever_overdue BOOLEAN NOT NULL DEFAULT false;
UPDATE loan_state SET ever_overdue = overdue_days > 0 OR ever_non_performing;

-- A lender's finding of malicious default (恶意逃废债) on a loan: a veto on the household's rating
-- while the loan is on its five-year record. Once reported it stays, like ever_non_performing.
ALTER TABLE loan_state ADD COLUMN malicious_default BOOLEAN NOT NULL DEFAULT false;

-- The lender's finding of malicious default (恶意逃废债), reported with a status update.
ALTER TABLE loan ADD COLUMN malicious_default BOOLEAN NOT NULL DEFAULT false;

-- A revision's snapshot (the file as it was after the change, identifiers masked) and its list of
-- changed fields are written once and read back whole; nothing queries inside them. As json they
-- are kept as written and only checked on the way in: parsing each import's 1.5 kB snapshots into
-- jsonb was a fifth of the database's work per household. Rewrites the table under an exclusive
-- lock: run the upgrade in a maintenance window.
ALTER TABLE household_revision
    ALTER COLUMN changed_fields TYPE json USING changed_fields::json,
    ALTER COLUMN snapshot TYPE json USING snapshot::json;

-- Announcing every file of a division again at its current version: after the
-- event gained fields older events lack, or after the broker's topic was lost. One run at a time.
CREATE TABLE announcement_run (
    id                  uuid PRIMARY KEY,
    division            varchar(12)  NOT NULL,
    status              varchar(10)  NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    files_total         bigint       NOT NULL,
    files_announced     bigint       NOT NULL DEFAULT 0,
    cursor_household_id uuid,
    started_by          varchar(100) NOT NULL,
    started_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    finished_at         timestamptz
);
CREATE UNIQUE INDEX announcement_run_one_running ON announcement_run ((true)) WHERE status = 'RUNNING';

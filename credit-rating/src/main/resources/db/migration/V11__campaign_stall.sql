-- A campaign whose batch keeps failing says so (since when, how often, where it stopped) instead of
-- standing still in silence; its passes are then spaced out.
ALTER TABLE campaign
    ADD COLUMN stalled_since   TIMESTAMPTZ,
    ADD COLUMN last_failure_at TIMESTAMPTZ,
    ADD COLUMN failed_passes   INT NOT NULL DEFAULT 0,
    ADD COLUMN stall_reason    VARCHAR(300);

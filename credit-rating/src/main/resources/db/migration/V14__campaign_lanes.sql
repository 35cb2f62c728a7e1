-- A campaign is walked in lanes: contiguous ranges of its villages, each with its own cursor, so
-- that several workers rate one campaign side by side (a million households no longer wait on one
-- session's round trips) and each lane resumes where it stopped after a restart. The lanes are parts of their campaign and go with it.
CREATE TABLE campaign_lane (
    campaign_id         UUID        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    lane                INTEGER     NOT NULL,
    from_village        VARCHAR(12) NOT NULL,
    through_village     VARCHAR(12) NOT NULL,
    cursor_village_code VARCHAR(12),
    cursor_household_id UUID,
    households_rated    INTEGER     NOT NULL DEFAULT 0,
    failed_passes       INTEGER     NOT NULL DEFAULT 0,
    done                BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (campaign_id, lane)
);

-- a campaign rating when this arrives goes on as one lane from where it stood
INSERT INTO campaign_lane (campaign_id, lane, from_village, through_village, cursor_village_code,
    cursor_household_id, households_rated, failed_passes)
SELECT id, 0, rpad(division_code, 12, '0'), rpad(division_code, 12, '9'), cursor_village_code,
       cursor_household_id, households_rated, failed_passes
FROM campaign WHERE status = 'RATING';
UPDATE campaign SET cursor_household_id = NULL WHERE status = 'RATING';

-- finalizing keeps its cursor (the household id) in the campaign row
ALTER TABLE campaign DROP COLUMN cursor_village_code;

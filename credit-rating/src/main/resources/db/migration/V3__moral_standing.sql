-- A household's moral-bank standing as morality.points.v1 last announced it, per year: points,
-- veto and panel score are scorecard inputs. Kept apart from the registry facts because either
-- may arrive first.
CREATE TABLE moral_standing (
    household_id     UUID         NOT NULL,
    year             INTEGER      NOT NULL,
    total_points     INTEGER      NOT NULL,
    vetoed           BOOLEAN      NOT NULL,
    panel_score      NUMERIC(5, 2),
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (household_id, year)
);

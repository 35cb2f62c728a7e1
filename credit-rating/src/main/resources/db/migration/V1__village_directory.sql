-- The rating service's own copy of the villages' official figures, filled from
-- registry.village.v1; village ratings divide by total_households.
CREATE TABLE village (
    code              VARCHAR(12)  PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    township_code     VARCHAR(9)   NOT NULL,
    county_code       VARCHAR(6)   NOT NULL,
    total_households  INTEGER      NOT NULL,
    population        INTEGER      NOT NULL,
    figures_as_of     DATE         NOT NULL,
    source_revision   BIGINT       NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX village_township ON village (township_code);

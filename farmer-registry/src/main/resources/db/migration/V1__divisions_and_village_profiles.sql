-- The official statistical division codes (province 2, city 4, county 6, township 9, village 12
-- digits), loaded at first start from the shipped files.
CREATE TABLE division (
    code         VARCHAR(12)  PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    level        VARCHAR(10)  NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code  VARCHAR(12)  REFERENCES division (code),
    edition      SMALLINT     NOT NULL
);
CREATE INDEX division_parent ON division (parent_code);

-- A village's figures from local statistics, entered by the township official. Coverage and
-- village ratings divide by total_households.
CREATE TABLE village_profile (
    village_code      VARCHAR(12)  PRIMARY KEY REFERENCES division (code),
    total_households  INTEGER      NOT NULL CHECK (total_households >= 0),
    population        INTEGER      NOT NULL CHECK (population >= 0),
    figures_as_of     DATE         NOT NULL,
    committee_contact VARCHAR(50),
    revision          INTEGER      NOT NULL,
    updated_by        VARCHAR(100) NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

-- Every accepted change of a profile, as it was written: who, when, why.
CREATE TABLE village_profile_revision (
    village_code      VARCHAR(12)  NOT NULL REFERENCES village_profile (village_code),
    revision          INTEGER      NOT NULL,
    total_households  INTEGER      NOT NULL,
    population        INTEGER      NOT NULL,
    figures_as_of     DATE         NOT NULL,
    committee_contact VARCHAR(50),
    reason            VARCHAR(500),
    changed_by        VARCHAR(100) NOT NULL,
    changed_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (village_code, revision)
);

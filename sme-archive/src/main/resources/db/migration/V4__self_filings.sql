-- A firm's own figures for a fiscal year, filed through a credit-admin, with the result of the
-- cross-checks at filing time. A later filing for the same year is a new revision; none is edited.
CREATE TABLE filing (
    id                     UUID          PRIMARY KEY,
    uscc                   CHAR(18)      NOT NULL REFERENCES enterprise (uscc),
    fiscal_year            INTEGER       NOT NULL CHECK (fiscal_year BETWEEN 1949 AND 2200),
    revision               INTEGER       NOT NULL,
    sales                  BIGINT        NOT NULL CHECK (sales >= 0),
    cost_of_sales          BIGINT        NOT NULL CHECK (cost_of_sales >= 0),
    stated_gross_margin    NUMERIC(9, 2) NOT NULL,
    assets                 BIGINT        NOT NULL CHECK (assets >= 0),
    liabilities            BIGINT        NOT NULL CHECK (liabilities >= 0),
    equity                 BIGINT        NOT NULL,
    flagged                BOOLEAN       NOT NULL,
    checks                 JSONB         NOT NULL,
    tolerance_points       NUMERIC(5, 2) NOT NULL,
    filed_by               VARCHAR(100)  NOT NULL,
    filed_at               TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (uscc, fiscal_year, revision)
);

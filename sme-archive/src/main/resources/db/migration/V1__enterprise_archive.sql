-- Firms without bank loans, keyed by the unified social credit code (GB 32100-2015).
CREATE TABLE enterprise (
    uscc             CHAR(18)     PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    entity_type      VARCHAR(20)  NOT NULL CHECK (entity_type IN ('ENTERPRISE', 'SOLE_TRADER', 'FARMERS_COOPERATIVE', 'OTHER')),
    industry_code    VARCHAR(5),
    division_code    VARCHAR(12)  NOT NULL,
    founded_on       DATE,
    has_bank_loan    BOOLEAN      NOT NULL DEFAULT false,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_division ON enterprise (division_code);

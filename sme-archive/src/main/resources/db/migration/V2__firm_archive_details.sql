-- The full firm record: size, the legal representative and a contact. Resident IDs and phone
-- numbers are stored only encrypted (AES-GCM, base64); the ID also as an HMAC lookup hash.
ALTER TABLE enterprise
    ADD COLUMN registered_capital     BIGINT       CHECK (registered_capital >= 0),
    ADD COLUMN employees              INTEGER      CHECK (employees >= 0),
    ADD COLUMN legal_rep_name         VARCHAR(100),
    ADD COLUMN legal_rep_id_cipher    TEXT,
    ADD COLUMN legal_rep_id_hash      CHAR(64),
    ADD COLUMN legal_rep_phone_cipher TEXT,
    ADD COLUMN contact_name           VARCHAR(100),
    ADD COLUMN contact_phone_cipher   TEXT,
    ADD COLUMN address                VARCHAR(300),
    ADD COLUMN version                BIGINT       NOT NULL DEFAULT 1,
    ADD COLUMN updated_by             VARCHAR(100);
CREATE INDEX enterprise_rep_id_hash ON enterprise (legal_rep_id_hash);
CREATE INDEX enterprise_industry ON enterprise (industry_code);

-- A lender's report that a firm on the no-loan list obtained financing: takes it off the list
-- and counts toward conversion per lender and per region.
CREATE TABLE financing_report (
    id            UUID         PRIMARY KEY,
    uscc          CHAR(18)     NOT NULL REFERENCES enterprise (uscc),
    institution   VARCHAR(64)  NOT NULL,
    amount        BIGINT       NOT NULL CHECK (amount > 0),
    financed_on   DATE         NOT NULL,
    division_code VARCHAR(12)  NOT NULL,
    reported_by   VARCHAR(100) NOT NULL,
    reported_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (uscc, institution, financed_on, amount)
);
CREATE INDEX financing_report_institution ON financing_report (institution);

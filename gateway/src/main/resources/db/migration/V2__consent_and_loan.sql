-- 授权: a subject's written consent to one institution for one purpose. The subject's identifier
-- (head's resident ID or the firm's credit code) is stored AES-GCM encrypted, found by its keyed
-- hash. Consents are never deleted: revocation and use are stamped, so the register's entries keep
-- pointing at the consent they relied on.
CREATE TABLE consent (
    id                  UUID         PRIMARY KEY,
    subject_type        VARCHAR(10)  NOT NULL CHECK (subject_type IN ('HOUSEHOLD', 'FIRM')),
    subject_id_enc      BYTEA        NOT NULL,
    subject_hash        CHAR(64)     NOT NULL,
    institution         VARCHAR(64)  NOT NULL,
    purpose             VARCHAR(30)  NOT NULL
                        CHECK (purpose IN ('LOAN_APPLICATION', 'POST_LOAN_MANAGEMENT', 'GUARANTEE_REVIEW')),
    signed_on           DATE         NOT NULL,
    expires_on          DATE         NOT NULL,
    letter_sha256       CHAR(64)     NOT NULL,
    recorded_by         VARCHAR(100) NOT NULL,
    -- The township official's division when an official recorded the consent for a household.
    on_behalf_division  VARCHAR(12),
    recorded_at         TIMESTAMPTZ  NOT NULL,
    used_at             TIMESTAMPTZ,
    revoked_at          TIMESTAMPTZ,
    revoked_by          VARCHAR(100),
    CHECK (expires_on > signed_on)
);
CREATE INDEX consent_subject ON consent (subject_hash, institution);

-- 贷后: loans a lender reports, keyed by the lender's own loan number within its institution, so a
-- repeated report is recognised. The current state only; every change also leaves as lending.loan.v1.
CREATE TABLE loan (
    id                  UUID         PRIMARY KEY,
    institution         VARCHAR(64)  NOT NULL,
    loan_ref            VARCHAR(64)  NOT NULL,
    subject_type        VARCHAR(10)  NOT NULL CHECK (subject_type IN ('HOUSEHOLD', 'FIRM')),
    subject_id_enc      BYTEA        NOT NULL,
    subject_hash        CHAR(64)     NOT NULL,
    amount_fen          BIGINT       NOT NULL CHECK (amount_fen > 0),
    start_date          DATE         NOT NULL,
    maturity_date       DATE         NOT NULL,
    purpose             VARCHAR(200) NOT NULL,
    outstanding_fen     BIGINT       NOT NULL CHECK (outstanding_fen >= 0),
    overdue_days        INT          NOT NULL CHECK (overdue_days >= 0),
    classification      VARCHAR(20)  NOT NULL,
    settled             BOOLEAN      NOT NULL,
    settled_on          DATE,
    revision            INT          NOT NULL,
    reported_by         VARCHAR(100) NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    UNIQUE (institution, loan_ref),
    CHECK (maturity_date > start_date)
);
-- "Does this lender hold an active loan with this subject?" is asked on every post-loan query.
CREATE INDEX loan_active ON loan (institution, subject_hash) WHERE NOT settled;

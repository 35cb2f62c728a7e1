-- Lenders contribute loan data under rules (征信业管理条例 Art. 15).
-- admitted: the loan was reported under the reporting rules — by a named person's account of the
-- lender, for a borrower the institution had a granted loan-application or guarantee-review query of,
-- or an admitted active loan with. Only admitted loans unlock post-loan queries (贷后管理). Loans
-- reported before the rules are not admitted.
ALTER TABLE loan ADD COLUMN admitted BOOLEAN NOT NULL DEFAULT false;

-- Adverse information a lender proposes for one of its loans (malicious default, or the class
-- DOUBTFUL or LOSS). It takes effect, i.e. the loan's published state carries it, only once a second
-- named officer of the institution approved it (maker ≠ checker) and the notice to the borrower is
-- recorded; while an objection (异议) against it is open it is suspended. base_*: the loan's
-- published state when the report was proposed, which the loan keeps while the report is not in effect.
CREATE TABLE loan_adverse_report (
    id                       UUID         PRIMARY KEY,
    loan_id                  UUID         NOT NULL REFERENCES loan (id),
    classification           VARCHAR(20)  NOT NULL,
    malicious_default        BOOLEAN      NOT NULL,
    overdue_days             INT          NOT NULL CHECK (overdue_days >= 0),
    outstanding_fen          BIGINT       NOT NULL CHECK (outstanding_fen >= 0),
    base_classification      VARCHAR(20)  NOT NULL,
    base_overdue_days        INT          NOT NULL,
    base_malicious_default   BOOLEAN      NOT NULL,
    base_worst_classification VARCHAR(20) NOT NULL,
    base_max_overdue_days    INT          NOT NULL,
    proposed_by              VARCHAR(100) NOT NULL,
    proposed_at              TIMESTAMPTZ  NOT NULL,
    decision                 VARCHAR(10)  CHECK (decision IN ('APPROVED', 'REJECTED')),
    decided_by               VARCHAR(100),
    decided_at               TIMESTAMPTZ,
    noticed_on               DATE,
    notice_channel           VARCHAR(10)  CHECK (notice_channel IN ('SMS', 'VISIT', 'LETTER')),
    notice_recorded_by       VARCHAR(100),
    notice_recorded_at       TIMESTAMPTZ,
    objection_id             UUID         REFERENCES statement (id),
    objection_open           BOOLEAN      NOT NULL DEFAULT false,
    withdrawn_at             TIMESTAMPTZ,
    withdrawn_reason         VARCHAR(20)  CHECK (withdrawn_reason IN ('REJECTED', 'SETTLED', 'OBJECTION_UPHELD')),
    -- four eyes: whoever decides is not whoever proposed
    CHECK (decided_by IS NULL OR decided_by <> proposed_by),
    CHECK ((decision IS NULL) = (decided_by IS NULL))
);
CREATE INDEX loan_adverse_report_loan ON loan_adverse_report (loan_id, proposed_at);
CREATE INDEX loan_adverse_report_objection ON loan_adverse_report (objection_id) WHERE objection_id IS NOT NULL;

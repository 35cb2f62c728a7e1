-- Dated repayment and status history of reported loans (贷后管理): one row per change of a loan —
-- reported, a status (outstanding, overdue days, classification) or its settlement — written in the
-- same transaction as the change and its lending.loan.v1 event. Rows are never updated or deleted.
-- as_of is the day the change was reported (Asia/Shanghai). History starts with this migration:
-- a loan reported before it has its current state as the first row, dated the day of its last change.
CREATE TABLE loan_status_history (
    loan_id          UUID         NOT NULL REFERENCES loan (id),
    revision         INT          NOT NULL,
    cause            VARCHAR(10)  NOT NULL CHECK (cause IN ('REPORTED', 'STATUS', 'SETTLED', 'MIGRATED')),
    as_of            DATE         NOT NULL,
    outstanding_fen  BIGINT       NOT NULL CHECK (outstanding_fen >= 0),
    overdue_days     INT          NOT NULL CHECK (overdue_days >= 0),
    classification   VARCHAR(20)  NOT NULL,
    settled          BOOLEAN      NOT NULL,
    recorded_by      VARCHAR(100) NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (loan_id, revision)
);

INSERT INTO loan_status_history (loan_id, revision, cause, as_of, outstanding_fen, overdue_days, classification,
                                 settled, recorded_by, recorded_at)
SELECT id, revision, 'MIGRATED', (updated_at AT TIME ZONE 'Asia/Shanghai')::date, outstanding_fen, overdue_days,
       classification, settled, reported_by, updated_at
FROM loan;

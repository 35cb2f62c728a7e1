-- Lenders' credit-line policies as credit-rating announced them (rating.lender-policy.v1), the newest
-- version of each: the report's offer and the whole-village list are sized from these with the
-- platform's one calculator (module credit-line), without asking credit-rating. A late or repeated
-- event never replaces a newer version (the upsert compares version, then the events' ids).
CREATE TABLE report_policy (
    institution  TEXT         NOT NULL,
    policy_id    TEXT         NOT NULL,
    version      INT          NOT NULL,
    policy       JSONB        NOT NULL,
    event_id     UUID         NOT NULL,
    as_of        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (institution, policy_id)
);

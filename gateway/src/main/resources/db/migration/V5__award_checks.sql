-- Agency award checks (文明诚信家庭), logged: who checked which households and what they learnt
-- (outcome and reason categories only). Subjects by keyed hash.
CREATE TABLE award_check (
    id           UUID          PRIMARY KEY,
    programme    VARCHAR(100)  NOT NULL,
    institution  VARCHAR(64)   NOT NULL,
    checked_by   VARCHAR(100)  NOT NULL,
    checked_at   TIMESTAMPTZ   NOT NULL,
    min_points   INT           NOT NULL,
    passed       INT           NOT NULL,
    failed       INT           NOT NULL,
    undecided    INT           NOT NULL
);
CREATE TABLE award_check_result (
    check_id      UUID          NOT NULL REFERENCES award_check (id),
    position      INT           NOT NULL,
    subject_hash  CHAR(64)      NOT NULL,
    outcome       VARCHAR(10)   NOT NULL,
    reasons       VARCHAR(300)  NOT NULL,
    PRIMARY KEY (check_id, position)
);

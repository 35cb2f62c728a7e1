-- Bulk imports: one job per uploaded file, processed off the request on a worker.
CREATE TABLE import_job (
    id                   uuid PRIMARY KEY,
    file_name            varchar(255) NOT NULL,
    format               varchar(8)   NOT NULL,
    uploaded_by          varchar(100) NOT NULL,
    division             varchar(12)  NOT NULL,
    status               varchar(10)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_total           bigint,
    rows_done            bigint       NOT NULL DEFAULT 0,
    households_created   bigint       NOT NULL DEFAULT 0,
    households_corrected bigint       NOT NULL DEFAULT 0,
    households_unchanged bigint       NOT NULL DEFAULT 0,
    households_rejected  bigint       NOT NULL DEFAULT 0,
    bad_rows             bigint       NOT NULL DEFAULT 0,
    failure              varchar(500),
    created_at           timestamptz  NOT NULL,
    started_at           timestamptz,
    finished_at          timestamptz,
    updated_at           timestamptz  NOT NULL
);
CREATE INDEX import_job_division ON import_job (division, created_at DESC);

-- Every problem of every bad row: the line as a spreadsheet numbers it, the template column, why.
CREATE TABLE import_error (
    job_id  uuid         NOT NULL REFERENCES import_job (id),
    seq     bigint       NOT NULL,
    line    bigint       NOT NULL,
    field   varchar(100) NOT NULL,
    reason  varchar(500) NOT NULL,
    PRIMARY KEY (job_id, seq)
);

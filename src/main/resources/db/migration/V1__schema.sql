-- yolotrain service schema. Every row belongs to a tenant (the tenant of the API key that made it).

CREATE TABLE api_key (
    id          uuid PRIMARY KEY,
    tenant      text        NOT NULL,
    name        text        NOT NULL,
    key_hash    text        NOT NULL UNIQUE,   -- SHA-256 (hex) of the key; the key itself is never stored
    key_prefix  text        NOT NULL,          -- first characters, to recognise a key in lists
    admin       boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE TABLE dataset (
    id          uuid PRIMARY KEY,
    tenant      text        NOT NULL,
    name        text        NOT NULL,
    nc          int         NOT NULL,
    names       text        NOT NULL,          -- JSON list of class names
    splits      text        NOT NULL,          -- JSON {train: [rel paths], val: [...], test: [...]} relative to root_rel
    root_rel    text        NOT NULL,          -- dataset root relative to the dataset folder
    report      text        NOT NULL,          -- JSON validation report (paths relative to the archive)
    archive_bytes bigint    NOT NULL,
    extracted_bytes bigint  NOT NULL,
    files       int         NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dataset_tenant ON dataset (tenant, created_at);

CREATE TABLE weight_file (
    id          uuid PRIMARY KEY,
    tenant      text        NOT NULL,
    name        text        NOT NULL,
    format      text        NOT NULL,          -- safetensors | npz
    size_bytes  bigint      NOT NULL,
    sha256      text        NOT NULL,
    tensors     int         NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX weight_file_tenant ON weight_file (tenant, created_at);

CREATE TABLE training_job (
    id              uuid PRIMARY KEY,
    tenant          text        NOT NULL,
    dataset_id      uuid        NOT NULL REFERENCES dataset (id),
    status          text        NOT NULL,      -- QUEUED RUNNING CANCELLING SUCCEEDED FAILED CANCELLED
    model           text        NOT NULL,      -- built-in name, or 'custom' when model_yaml is given
    model_yaml      text,
    epochs          int         NOT NULL,
    batch_size      int         NOT NULL,
    img_size        int         NOT NULL,
    hyp             text        NOT NULL,      -- JSON of the keys the user set (validated)
    options         text        NOT NULL,      -- JSON of the other train options
    weights         text,                      -- jobs/<id>/best|last or weights/<id>
    attempt         int         NOT NULL DEFAULT 1,
    max_attempts    int         NOT NULL,
    epoch           int         NOT NULL DEFAULT 0,   -- epochs completed
    progress        text,                      -- JSON of the latest progress event
    best_fitness    double precision,
    latest_metrics  text,                      -- JSON of the latest epoch_end event
    failure_reason  text,
    worker_id       text,
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_job_queue ON training_job (created_at) WHERE status = 'QUEUED';
CREATE INDEX training_job_lease ON training_job (lease_until) WHERE status IN ('RUNNING', 'CANCELLING');
CREATE INDEX training_job_tenant ON training_job (tenant, created_at);

-- one row per claim: who ran which attempt, and how it ended
CREATE TABLE job_run (
    job_id      uuid        NOT NULL REFERENCES training_job (id) ON DELETE CASCADE,
    attempt     int         NOT NULL,
    worker_id   text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    ended_at    timestamptz,
    outcome     text,
    PRIMARY KEY (job_id, attempt, worker_id, started_at)
);

CREATE TABLE epoch_metric (
    job_id              uuid        NOT NULL REFERENCES training_job (id) ON DELETE CASCADE,
    epoch               int         NOT NULL,
    precision           double precision,
    recall              double precision,
    map50               double precision,
    map50_95            double precision,
    fitness             double precision,
    epoch_seconds       double precision,
    images_per_second   double precision,
    row                 text        NOT NULL,   -- JSON: every results.csv column of the epoch_end event
    attempt             int         NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, epoch)
);

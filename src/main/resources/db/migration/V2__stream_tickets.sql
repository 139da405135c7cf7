-- Short-lived, job-scoped tickets for the SSE stream: a browser's EventSource cannot send an
-- Authorization header, so it passes ?ticket=... instead of the API key. Only the SHA-256 is stored.
CREATE TABLE stream_ticket (
    ticket_hash text        PRIMARY KEY,
    job_id      uuid        NOT NULL,
    tenant      text        NOT NULL,
    admin       boolean     NOT NULL,
    key_prefix  text        NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX stream_ticket_expiry ON stream_ticket (expires_at);

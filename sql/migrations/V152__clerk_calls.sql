-- Call a clerk (decision 0107): a shopper's call is a row, announced to every clerk window with
-- NOTIFY on the channel shopassist_clerk_call (payload: {"event", "id", "kiosk"}); a clerk takes
-- it with a guarded UPDATE, so exactly one clerk wins; one left open too long expires.
CREATE TABLE tbl_clerk_call (
    clerk_call_id  BIGSERIAL   PRIMARY KEY,
    kiosk_name     TEXT        NOT NULL CHECK (length(kiosk_name) BETWEEN 1 AND 100),
    status         TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'TAKEN', 'EXPIRED')),
    called_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    taken_by       BIGINT      NULL REFERENCES tbl_customers (customer_id) ON DELETE SET NULL,
    taken_by_name  TEXT        NULL,
    closed_at      TIMESTAMPTZ NULL,
    CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE INDEX ix_clerk_call_open ON tbl_clerk_call (called_at) WHERE status = 'OPEN';

-- Decision 0085: a load test records every run and every customer and cart it creates, as it
-- creates them, and its clean-up (or the next run's, after a run that was killed) removes exactly
-- what these rows name. Nothing is found by a pattern a shopper could match.
CREATE TABLE tbl_loadtest_run (
    run_id     TEXT PRIMARY KEY CHECK (length(run_id) BETWEEN 1 AND 64),
    started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tbl_loadtest_created (
    run_id TEXT   NOT NULL REFERENCES tbl_loadtest_run (run_id) ON DELETE CASCADE,
    kind   TEXT   NOT NULL CHECK (kind IN ('CUSTOMER', 'CART')),
    ref_id BIGINT NOT NULL,
    PRIMARY KEY (run_id, kind, ref_id)
);
CREATE INDEX ix_loadtest_created_kind ON tbl_loadtest_created (kind, ref_id);

-- Which demo seed filled this database, and when: `db seed` refuses to seed twice, and
-- `db info` / the first start of the embedded database can tell a seeded store from an empty one.
CREATE TABLE tbl_seed_run (
    seed_run_id    BIGSERIAL PRIMARY KEY,
    seed_version   INTEGER     NOT NULL CHECK (seed_version > 0),
    catalog_size   INTEGER     NOT NULL CHECK (catalog_size >= 0),
    seeded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    took_ms        BIGINT      NOT NULL CHECK (took_ms >= 0)
);

-- Product embeddings for semantic search without the network (offline assistant). One vector per
-- product from the model in use, as little-endian float32 bytes: compact (1,536 bytes for 384
-- dimensions) and fast to load. No pgvector: vectors are compared in the application's memory.
-- A product changed after its vector was made (updated_at > created_at) gets a new one.
CREATE TABLE tbl_product_embedding (
    product_id  BIGINT      PRIMARY KEY REFERENCES tbl_product (product_id) ON DELETE CASCADE,
    model       TEXT        NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
    dims        INTEGER     NOT NULL CHECK (dims BETWEEN 1 AND 4096),
    embedding   BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (length(embedding) = dims * 4)
);
CREATE INDEX ix_product_embedding_model ON tbl_product_embedding (model);

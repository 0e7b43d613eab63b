-- Exact, case-insensitive product-name look-up (CatalogMapper.byName, its first stage): names
-- copied from product cards are the common case, and the trigram GIN index answers "=" only by
-- rechecking every row that shares the name's trigrams.
-- A plain build in the migration's transaction, as the other index migrations: writes to
-- tbl_product wait while it runs (about 0.2 s at 100,000 products, seconds at millions); reads go
-- on. A build that fails rolls back whole, and the next db migrate runs it again.
CREATE INDEX ix_product_name_lower ON tbl_product (lower(product_name));

-- Decision 0090: each kiosk on a shared database keeps a local replica of what selling needs, and
-- a refresh reads only the rows changed since the one before. A timestamp cannot say that
-- (transactions commit in another order than they start, and not every writer sets updated_at),
-- so each replicated row carries the id of the transaction that wrote it last. A refresh keeps
-- the snapshot it read under (pg_current_snapshot()); the next one reads the rows whose
-- change_xid that snapshot could not see (pg_visible_in_snapshot).
--
-- No index on tbl_product's change_xid: a refresh scans the table (milliseconds at 100,000 products), while an
-- index would turn every stock reservation, which only changes reserved_quantity, from a HOT
-- update into one that writes every index of tbl_product.
--
-- Rows written before this migration have no change_xid: a first refresh copies everything, and
-- any later write fills it in.

CREATE FUNCTION replica_mark_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;

ALTER TABLE tbl_product_category ADD COLUMN change_xid xid8;
ALTER TABLE tbl_product_category ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id();
CREATE TRIGGER trg_product_category_change BEFORE UPDATE ON tbl_product_category
    FOR EACH ROW EXECUTE FUNCTION replica_mark_change();

-- every update, stock reservations included: the replica keeps reserved stock too
ALTER TABLE tbl_product ADD COLUMN change_xid xid8;
ALTER TABLE tbl_product ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id();
CREATE TRIGGER trg_product_change BEFORE UPDATE ON tbl_product
    FOR EACH ROW EXECUTE FUNCTION replica_mark_change();

ALTER TABLE tbl_voucher ADD COLUMN change_xid xid8;
ALTER TABLE tbl_voucher ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id();
CREATE TRIGGER trg_voucher_change BEFORE UPDATE ON tbl_voucher
    FOR EACH ROW EXECUTE FUNCTION replica_mark_change();

ALTER TABLE tbl_product_embedding ADD COLUMN change_xid xid8;
ALTER TABLE tbl_product_embedding ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id();
CREATE TRIGGER trg_product_embedding_change BEFORE UPDATE ON tbl_product_embedding
    FOR EACH ROW EXECUTE FUNCTION replica_mark_change();
-- vectors are written by the embedding job, never on a shopper's path: an index costs nothing there,
-- and spares every refresh a scan of the largest replicated table
CREATE INDEX ix_product_embedding_change ON tbl_product_embedding (change_xid);

-- words are only ever inserted (ON CONFLICT DO NOTHING): the default is enough
ALTER TABLE tbl_search_word ADD COLUMN change_xid xid8;
ALTER TABLE tbl_search_word ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id();

-- Written only in a kiosk's local replica (empty in the shared database): where the last refresh
-- came from, the snapshot it read under, and when. One row.
CREATE TABLE tbl_replica_sync (
    replica_sync_id   INTEGER     PRIMARY KEY DEFAULT 1 CHECK (replica_sync_id = 1),
    source_url        TEXT        NOT NULL, -- the shared database's URL, password masked
    source_snapshot   TEXT        NOT NULL, -- pg_snapshot of the last refresh, as text
    synced_at         TIMESTAMPTZ NOT NULL, -- the kiosk's clock when that snapshot was taken
    full_refresh_at   TIMESTAMPTZ NOT NULL, -- when everything was last copied
    products          INTEGER     NOT NULL CHECK (products >= 0)
);

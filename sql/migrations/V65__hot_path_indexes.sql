-- Decision 0018: every reservation inserts a hold and a stock movement while it holds the hot
-- product row's lock, and each index on those tables is one more entry written inside that lock.
-- These three have no reader.

-- Holds of a cart are found through ux_stock_hold_cart_product (cart_id, product_id), which also
-- serves the ON DELETE SET NULL of tbl_cart (cart_id = $1 implies cart_id IS NOT NULL).
DROP INDEX IF EXISTS ix_stock_hold_cart;

-- Only the whole-table sweep (StockHolds.sweepExpired, a tidy-up nothing schedules) looked holds
-- up by expiry alone; it scans the table now. Readers of live holds go by product
-- (ix_stock_hold_product_expiry).
DROP INDEX IF EXISTS ix_stock_hold_expiry;

-- Movements are read by product (ix_stock_movement_product_created), never by reference.
DROP INDEX IF EXISTS ix_stock_movement_reference;

-- A product's first add to a cart writes its line and hold before it locks the product row
-- (StockMapper.reserveFirstLine); when the guarded UPDATE then finds too little stock, this undoes
-- them by failing the statement with a code the application recognises. VOLATILE, so it runs only
-- when reached, never while the statement is planned.
CREATE FUNCTION stock_first_line_declined() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION 'first add to the cart declined: too little free stock, or the product is inactive'
        USING ERRCODE = 'SAH01';
END
$$;

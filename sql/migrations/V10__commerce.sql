-- Commerce (issue 3): integrity and speed for holds, carts, search and privacy.

-- one hold per cart line: the services keep it so, the index makes sure
CREATE UNIQUE INDEX ux_stock_hold_cart_product ON tbl_stock_hold (cart_id, product_id) WHERE cart_id IS NOT NULL;

-- a customer's checkouts by key (privacy export, support)
CREATE INDEX ix_checkout_request_customer ON tbl_checkout_request (customer_id);

-- addresses are looked up by label, accent- and case-insensitively ("rumah" finds "Rumah")
CREATE INDEX ix_customer_address_customer ON tbl_customer_address (customer_id);

-- in-stock browsing by category and price without touching out-of-stock rows
CREATE INDEX ix_product_active_category ON tbl_product (product_category_id, retail_price, product_id) WHERE is_active;

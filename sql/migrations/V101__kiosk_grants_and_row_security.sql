-- Decision 0080: exactly what a kiosk may do, granted to the group role shopassist_kiosk (a
-- kiosk's login role is made a member by `db grant-kiosk`). What is not granted here is denied:
-- no TRUNCATE, no DELETE of orders, no change of prices or voucher counts, no ALTER or DROP (only
-- the owner may). Row-level security keeps customer rows to the session the kiosk presents
-- (V100's session_customer()); the owner, who migrates, is not subject to it.

-- ---------------------------------------------------------------- functions

REVOKE ALL ON FUNCTION caller_is_owner(), caller_kiosk(), presented_session(), session_customer(), session_clerk(),
    session_owner(text), sign_out(text), sign_in(text, text, integer),
    register_customer(text, text, text, integer, text, text), clerk_lookup(text, integer), clerk_serve(bigint),
    clerk_stop_serving(), cart_line_owner(), cart_owner_changed(), customer_anonymised_ends_sessions(),
    voucher_count_use(bigint), order_status_guard(), order_cancel_returns_voucher(), order_line_guard(),
    order_totals_guard(), stock_first_line_declined()
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caller_is_owner(), caller_kiosk(), session_customer(), session_clerk(), session_owner(text),
    sign_out(text), sign_in(text, text, integer), register_customer(text, text, text, integer, text, text),
    clerk_lookup(text, integer), clerk_serve(bigint), clerk_stop_serving(), cart_line_owner(),
    cart_owner_changed(), voucher_count_use(bigint), order_status_guard(), order_line_guard(),
    order_totals_guard(), order_cancel_returns_voucher(), stock_first_line_declined()
    TO shopassist_kiosk;

-- ---------------------------------------------------------------- tables

GRANT USAGE ON SCHEMA public, aichatbot TO shopassist_kiosk;

-- the catalog: read only (stock counters below)
GRANT SELECT ON tbl_product_category, tbl_search_word, tbl_product_embedding, tbl_voucher, tbl_seed_run,
    flyway_schema_history TO shopassist_kiosk;
GRANT SELECT ON tbl_product TO shopassist_kiosk;
GRANT UPDATE (stock_quantity, reserved_quantity, updated_at) ON tbl_product TO shopassist_kiosk;

-- holds and movements name carts and orders by number only: no customer data
GRANT SELECT, INSERT, UPDATE, DELETE ON tbl_stock_hold TO shopassist_kiosk;
GRANT SELECT, INSERT ON tbl_stock_movement TO shopassist_kiosk;

GRANT SELECT, DELETE ON tbl_cart TO shopassist_kiosk;
GRANT INSERT (customer_id, guest_key, voucher_id, created_at, updated_at) ON tbl_cart TO shopassist_kiosk;
GRANT UPDATE (voucher_id, updated_at) ON tbl_cart TO shopassist_kiosk;
GRANT SELECT, DELETE ON tbl_cart_item TO shopassist_kiosk;
GRANT INSERT (cart_id, product_id, quantity, added_at) ON tbl_cart_item TO shopassist_kiosk;
GRANT UPDATE (quantity) ON tbl_cart_item TO shopassist_kiosk;

-- never the password hash or the sign-in state; updated_at so that an address change can lock
-- the customer's row (FOR NO KEY UPDATE needs an UPDATE privilege)
GRANT SELECT (customer_id, full_name, email, age, gender, phone, role, tier, created_at, updated_at, anonymised_at)
    ON tbl_customers TO shopassist_kiosk;
GRANT UPDATE (updated_at) ON tbl_customers TO shopassist_kiosk;
GRANT SELECT, INSERT ON tbl_customer_address TO shopassist_kiosk;
GRANT UPDATE (is_default) ON tbl_customer_address TO shopassist_kiosk;

GRANT SELECT ON tbl_order TO shopassist_kiosk;
GRANT INSERT (order_id, order_number, customer_id, voucher_id, shipping_address_id, shipping_address_text, status,
              subtotal, discount_amount, total_amount, created_at) ON tbl_order TO shopassist_kiosk;
GRANT UPDATE (status, paid_at, shipped_at, delivered_at, cancelled_at) ON tbl_order TO shopassist_kiosk;
GRANT SELECT, INSERT ON tbl_order_items, tbl_checkout_request TO shopassist_kiosk;

GRANT SELECT, DELETE ON aichatbot.chat_session TO shopassist_kiosk;
GRANT INSERT (chat_session_id, customer_id, guest_key, title, summary, summary_upto, created_at, updated_at)
    ON aichatbot.chat_session TO shopassist_kiosk;
-- pending_action, pending_until: the proposal waiting for the shopper's yes (V80)
GRANT UPDATE (title, summary, summary_upto, updated_at, pending_action, pending_until) ON aichatbot.chat_session
    TO shopassist_kiosk;
GRANT SELECT, INSERT ON aichatbot.chat_details TO shopassist_kiosk;

GRANT USAGE ON SEQUENCE tbl_cart_cart_id_seq, tbl_cart_item_cart_item_id_seq, tbl_stock_hold_hold_id_seq,
    tbl_stock_movement_stock_movement_id_seq, tbl_order_order_id_seq, tbl_order_items_order_item_id_seq,
    tbl_customer_address_customer_address_id_seq, aichatbot.chat_details_chat_id_sequence_seq
    TO shopassist_kiosk;

-- ---------------------------------------------------------------- row-level security
-- Policies name no role: they bind everyone but the owner (and superusers), so a kiosk role
-- granted something by mistake is still held to them. (SELECT session_customer()) is evaluated
-- once per statement, not once per row.

ALTER TABLE tbl_customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY customer_own_row ON tbl_customers FOR SELECT USING (customer_id = (SELECT session_customer()));
CREATE POLICY customer_own_row_lock ON tbl_customers FOR UPDATE USING (customer_id = (SELECT session_customer()));

ALTER TABLE tbl_customer_address ENABLE ROW LEVEL SECURITY;
CREATE POLICY address_of_session ON tbl_customer_address
    USING (customer_id = (SELECT session_customer()))
    WITH CHECK (customer_id = (SELECT session_customer()));

ALTER TABLE tbl_cart ENABLE ROW LEVEL SECURITY;
CREATE POLICY cart_of_session ON tbl_cart
    USING ((customer_id IS NULL AND kiosk_role = session_user) OR customer_id = (SELECT session_customer()))
    WITH CHECK ((customer_id IS NULL AND kiosk_role = session_user) OR customer_id = (SELECT session_customer()));

-- the line's owner columns are the cart's (V100's trigger fills them)
ALTER TABLE tbl_cart_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY line_of_session ON tbl_cart_item
    USING ((customer_id IS NULL AND kiosk_role = session_user) OR customer_id = (SELECT session_customer()))
    WITH CHECK ((customer_id IS NULL AND kiosk_role = session_user) OR customer_id = (SELECT session_customer()));

ALTER TABLE tbl_order ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_of_session ON tbl_order FOR SELECT USING (customer_id = (SELECT session_customer()));
CREATE POLICY order_placed ON tbl_order FOR INSERT
    WITH CHECK (customer_id = (SELECT session_customer()) AND status = 'PENDING');
CREATE POLICY order_cancelled ON tbl_order FOR UPDATE
    USING (customer_id = (SELECT session_customer()))
    WITH CHECK (customer_id = (SELECT session_customer()));

ALTER TABLE tbl_order_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_line_of_session ON tbl_order_items FOR SELECT USING (customer_id = (SELECT session_customer()));
CREATE POLICY order_line_placed ON tbl_order_items FOR INSERT WITH CHECK (customer_id = (SELECT session_customer()));

ALTER TABLE tbl_checkout_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY checkout_of_session ON tbl_checkout_request FOR SELECT USING (customer_id = (SELECT session_customer()));
CREATE POLICY checkout_placed ON tbl_checkout_request FOR INSERT WITH CHECK (customer_id = (SELECT session_customer()));

ALTER TABLE aichatbot.chat_session ENABLE ROW LEVEL SECURITY;
CREATE POLICY chat_of_session ON aichatbot.chat_session
    USING ((customer_id IS NULL AND kiosk_role = session_user) OR customer_id = (SELECT public.session_customer()))
    WITH CHECK ((customer_id IS NULL AND kiosk_role = session_user) OR customer_id = (SELECT public.session_customer()));

ALTER TABLE aichatbot.chat_details ENABLE ROW LEVEL SECURITY;
CREATE POLICY message_of_visible_chat ON aichatbot.chat_details
    USING (EXISTS (SELECT 1 FROM aichatbot.chat_session s WHERE s.chat_session_id = chat_details.chat_session_id))
    WITH CHECK (EXISTS (SELECT 1 FROM aichatbot.chat_session s WHERE s.chat_session_id = chat_details.chat_session_id));

-- never a kiosk's, not even by a grant made by mistake: only the functions above reach them
ALTER TABLE tbl_customer_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE tbl_sign_in_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE tbl_sign_in_failure ENABLE ROW LEVEL SECURITY;
ALTER TABLE tbl_sign_in_lock ENABLE ROW LEVEL SECURITY;
ALTER TABLE tbl_clerk_audit ENABLE ROW LEVEL SECURITY;

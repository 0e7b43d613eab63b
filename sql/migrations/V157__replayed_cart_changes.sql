-- Decision 0096: the store's shared database side of a kiosk's outbox replay.

-- Every replayed change, by the id the kiosk gave it, written in the same transaction as the change
-- itself: a change whose id is here is never applied again. Kiosks insert and read; nobody but the
-- owner may rewrite or remove a row (a trigger refuses it even under a grant made by mistake). The
-- owner may delete rows older than any kiosk's outbox (docs/operations.md).
CREATE TABLE tbl_cart_change_applied (
    change_id      UUID        PRIMARY KEY,
    kind           TEXT        NOT NULL,
    outcome        TEXT        NOT NULL CHECK (outcome IN ('APPLIED', 'ADJUSTED', 'REJECTED', 'ORDER_PLACED')),
    outcome_detail TEXT        NULL,
    kiosk_id       TEXT        NULL,
    applied_at     TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION cart_change_applied_is_kept() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- session_user: inside a SECURITY DEFINER caller current_user would be the owner
    IF NOT (SELECT pg_has_role(session_user, c.relowner, 'USAGE') FROM pg_class c
            WHERE c.oid = 'public.tbl_cart_change_applied'::regclass) THEN
        RAISE EXCEPTION 'replayed cart changes are kept as written' USING ERRCODE = '42501';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER trg_cart_change_applied_is_kept BEFORE UPDATE OR DELETE ON tbl_cart_change_applied
    FOR EACH ROW EXECUTE FUNCTION cart_change_applied_is_kept();
CREATE TRIGGER trg_cart_change_applied_not_truncated BEFORE TRUNCATE ON tbl_cart_change_applied
    FOR EACH STATEMENT EXECUTE FUNCTION cart_change_applied_is_kept();

-- What the shopper must be told about their cart after a replay: a line kept with quantity 0
-- (no longer available), fewer units than asked, a price that changed, a voucher or a queued
-- checkout refused. Kept with the cart until the shopper dismisses it, clears the cart or checks out.
CREATE TABLE tbl_cart_notice (
    cart_notice_id BIGSERIAL      PRIMARY KEY,
    cart_id        BIGINT         NOT NULL REFERENCES tbl_cart (cart_id) ON DELETE CASCADE,
    kind           TEXT           NOT NULL CHECK (kind IN ('UNAVAILABLE', 'SHORT', 'PRICE_CHANGED',
                                                          'VOUCHER_REJECTED', 'CHECKOUT_REJECTED')),
    product_id     BIGINT         NULL REFERENCES tbl_product (product_id) ON DELETE CASCADE,
    requested      INTEGER        NOT NULL DEFAULT 0,
    kept           INTEGER        NOT NULL DEFAULT 0,
    price_seen     NUMERIC(15, 2) NULL,
    price_now      NUMERIC(15, 2) NULL,
    voucher_code   TEXT           NULL,
    reference      TEXT           NULL,
    reason         TEXT           NULL,
    created_at     TIMESTAMPTZ    NOT NULL
);
CREATE INDEX ix_cart_notice_cart ON tbl_cart_notice (cart_id, product_id);
-- a notice belongs to a cart the caller can see: where carts are kept to a kiosk's session by
-- row-level security, so are their notices (the owner, who migrates, is not bound by it)
ALTER TABLE tbl_cart_notice ENABLE ROW LEVEL SECURITY;
CREATE POLICY notice_of_visible_cart ON tbl_cart_notice
    USING (EXISTS (SELECT 1 FROM tbl_cart c WHERE c.cart_id = tbl_cart_notice.cart_id))
    WITH CHECK (EXISTS (SELECT 1 FROM tbl_cart c WHERE c.cart_id = tbl_cart_notice.cart_id));

-- Checkouts queued offline that could not be honoured when replayed (stock gone, a voucher that
-- stopped applying, a price that rose): no order was placed. Clerks list them (`outbox rejections`).
CREATE TABLE tbl_checkout_rejection (
    change_id       UUID        PRIMARY KEY,
    reference       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    customer_id     BIGINT      NOT NULL REFERENCES tbl_customers (customer_id) ON DELETE CASCADE,
    reason          TEXT        NOT NULL,
    message         TEXT        NOT NULL,
    kiosk_id        TEXT        NULL,
    queued_at       TIMESTAMPTZ NOT NULL,
    rejected_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_checkout_rejection_rejected ON tbl_checkout_rejection (rejected_at DESC);

-- Where the store has a kiosk group role (decision 0080), kiosks may write these and read them back,
-- never change what was written.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shopassist_kiosk') THEN
        GRANT SELECT, INSERT ON tbl_cart_change_applied TO shopassist_kiosk;
        GRANT SELECT, INSERT, DELETE ON tbl_cart_notice TO shopassist_kiosk;
        GRANT USAGE ON SEQUENCE tbl_cart_notice_cart_notice_id_seq TO shopassist_kiosk;
        GRANT SELECT, INSERT ON tbl_checkout_rejection TO shopassist_kiosk;
        -- the outbox tables are the kiosk's own, in its local database: nothing on the shared one
    END IF;
    -- a rejection names a customer: where sessions key row-level security (decision 0080), a kiosk
    -- sees and records only those of the customer whose session it presents
    IF to_regprocedure('public.session_customer()') IS NOT NULL THEN
        ALTER TABLE tbl_checkout_rejection ENABLE ROW LEVEL SECURITY;
        CREATE POLICY rejection_of_session ON tbl_checkout_rejection FOR SELECT
            USING (customer_id = (SELECT session_customer()));
        CREATE POLICY rejection_recorded ON tbl_checkout_rejection FOR INSERT
            WITH CHECK (customer_id = (SELECT session_customer()));
    END IF;
END
$$;

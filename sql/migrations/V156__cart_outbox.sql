-- Decision 0096: cart changes a kiosk makes while the store's database cannot be reached wait in
-- an outbox in the kiosk's local database (the embedded PostgreSQL of its catalog replica, migrated
-- with these same files), in order, each with the id the kiosk gave it. On the store's shared
-- database these tables exist too and stay empty.

CREATE TABLE tbl_cart_outbox (
    outbox_seq      BIGSERIAL      PRIMARY KEY,                 -- the order the changes replay in
    change_id       UUID           NOT NULL UNIQUE,             -- made by the kiosk; the shared side knows it by this
    -- whose cart; no foreign keys: the local database holds no customers and no carts
    customer_id     BIGINT         NULL,
    guest_key       TEXT           NULL,
    kind            TEXT           NOT NULL CHECK (kind IN ('ADD', 'SET_QUANTITY', 'REMOVE', 'CLEAR', 'APPLY_VOUCHER',
                                       'REMOVE_VOUCHER', 'RELEASE_HOLDS', 'DISCARD', 'HOLD_AGAIN', 'CHECKOUT')),
    product_id      BIGINT         NULL,
    quantity        INTEGER        NULL CHECK (quantity IS NULL OR quantity BETWEEN 0 AND 999),
    voucher_code    TEXT           NULL,
    -- the unit price (a line) or the total (a checkout) the shopper saw when the change was made
    price_seen      NUMERIC(15, 2) NULL,
    address_id      BIGINT         NULL,                        -- a queued checkout's
    idempotency_key TEXT           NULL,
    reference       TEXT           NULL,
    queued_at       TIMESTAMPTZ    NOT NULL,
    -- set once the shared database committed the change (or refused it for good)
    done_at         TIMESTAMPTZ    NULL,
    outcome         TEXT           NULL,
    outcome_detail  TEXT           NULL,
    attempts        INTEGER        NOT NULL DEFAULT 0,
    last_error      TEXT           NULL,
    CHECK ((customer_id IS NULL) <> (guest_key IS NULL))
);
CREATE INDEX ix_cart_outbox_pending ON tbl_cart_outbox (outbox_seq) WHERE done_at IS NULL;

-- The cart each owner had when their first change was queued (the last one the kiosk read from the
-- shared database): what the shopper sees offline is this with the queued changes applied.
CREATE TABLE tbl_cart_outbox_base (
    owner_key    TEXT        PRIMARY KEY,                       -- 'c:<customer id>' or 'g:<guest key>'
    voucher_code TEXT        NULL,
    cart_id      BIGINT      NOT NULL,                          -- the shared cart's id, 0 when it had none
    as_of        TIMESTAMPTZ NOT NULL
);
CREATE TABLE tbl_cart_outbox_base_line (
    owner_key  TEXT    NOT NULL REFERENCES tbl_cart_outbox_base (owner_key) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    product_id BIGINT  NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
    PRIMARY KEY (owner_key, position)
);

-- The outbox names customers. On the store's database it stays empty and no kiosk is granted it;
-- row-level security without a policy shows any other role nothing there even under a grant made
-- by mistake. It does not bind the table's owner: the kiosk that migrated its local database.
ALTER TABLE tbl_cart_outbox ENABLE ROW LEVEL SECURITY;

-- ShopAssist schema, version 1: every table of the design's ERD plus stock holds, carts,
-- checkout idempotency and login lockout. Plain PostgreSQL (15+), the same SQL in the embedded
-- default database, in tests and in a store's Cloud SQL.
--
-- Money: NUMERIC(15,2) in the store currency (IDR by default; amounts are whole rupiah in
-- practice). Never floating point. Rounding happens once per line, in core (Money).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- ---------------------------------------------------------------- customers

CREATE TABLE tbl_customers (
    customer_id            BIGSERIAL PRIMARY KEY,
    full_name              TEXT        NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    email                  TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    password               TEXT        NULL, -- bcrypt hash ($2a$12$...); NULL once anonymised
    age                    INTEGER     NULL CHECK (age IS NULL OR age BETWEEN 0 AND 150),
    gender                 TEXT        NULL CHECK (gender IS NULL OR gender IN ('F', 'M', 'X')),
    phone                  TEXT        NULL,
    role                   TEXT        NOT NULL DEFAULT 'CUSTOMER' CHECK (role IN ('CUSTOMER', 'CLERK')),
    tier                   TEXT        NOT NULL DEFAULT 'FREE' CHECK (tier IN ('FREE', 'PREMIUM')),
    failed_login_count     INTEGER     NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
    first_failed_login_at  TIMESTAMPTZ NULL,
    locked_until           TIMESTAMPTZ NULL,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    anonymised_at          TIMESTAMPTZ NULL
);
-- emails are unique regardless of case: the service lower-cases, the index makes sure
CREATE UNIQUE INDEX ux_customers_email ON tbl_customers (lower(email));
CREATE INDEX ix_customers_name_trgm ON tbl_customers USING gin (lower(full_name) gin_trgm_ops);

CREATE TABLE tbl_customer_session (
    session_id    BIGSERIAL PRIMARY KEY,
    customer_id   BIGINT      NOT NULL REFERENCES tbl_customers (customer_id) ON DELETE CASCADE,
    token         TEXT        NOT NULL UNIQUE, -- stored as a SHA-256 hex digest of the token handed out
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX ix_customer_session_customer ON tbl_customer_session (customer_id, expires_at);

CREATE TABLE tbl_customer_address (
    customer_address_id BIGSERIAL PRIMARY KEY,
    customer_id         BIGINT        NOT NULL REFERENCES tbl_customers (customer_id) ON DELETE CASCADE,
    label               TEXT          NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
    recipient_name      TEXT          NULL,
    phone               TEXT          NULL,
    street_address      TEXT          NOT NULL CHECK (length(street_address) BETWEEN 1 AND 500),
    city                TEXT          NOT NULL,
    state               TEXT          NULL,
    postal_code         TEXT          NULL,
    country             TEXT          NOT NULL DEFAULT 'Indonesia',
    lat                 NUMERIC(9, 6) NULL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lng                 NUMERIC(9, 6) NULL CHECK (lng IS NULL OR lng BETWEEN -180 AND 180),
    is_default          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);
-- one "Rumah" per customer: labels are how shoppers name addresses ("kirim ke rumah")
CREATE UNIQUE INDEX ux_customer_address_label ON tbl_customer_address (customer_id, lower(label));

-- ---------------------------------------------------------------- catalog

CREATE TABLE tbl_product_category (
    product_category_id BIGSERIAL PRIMARY KEY,
    category_name       TEXT        NOT NULL UNIQUE CHECK (length(category_name) BETWEEN 1 AND 100),
    category_name_id    TEXT        NULL, -- Bahasa Indonesia name ("Sepatu")
    description         TEXT        NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tbl_product (
    product_id           BIGSERIAL PRIMARY KEY,
    product_category_id  BIGINT        NOT NULL REFERENCES tbl_product_category (product_category_id),
    sku                  TEXT          NOT NULL UNIQUE,
    barcode              TEXT          NULL UNIQUE, -- EAN-13, read by the kiosk's scanner
    product_name         TEXT          NOT NULL CHECK (length(product_name) BETWEEN 1 AND 300),
    product_brand        TEXT          NOT NULL CHECK (length(product_brand) BETWEEN 1 AND 100),
    retail_price         NUMERIC(15, 2) NOT NULL CHECK (retail_price >= 0),
    department           TEXT          NOT NULL,
    description          TEXT          NOT NULL DEFAULT '',
    image_ref            TEXT          NULL, -- path or URL of the product image; NULL shows a placeholder
    stock_quantity       INTEGER       NOT NULL DEFAULT 0 CHECK (stock_quantity >= 0),
    -- sum of the holds not yet released or swept (tbl_stock_hold); expired holds still in it are
    -- subtracted at read time, so correctness never waits for a sweeper
    reserved_quantity    INTEGER       NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0),
    low_stock_threshold  INTEGER       NOT NULL DEFAULT 5 CHECK (low_stock_threshold >= 0),
    is_active            BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT ck_product_reserved_le_stock CHECK (reserved_quantity <= stock_quantity),
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(product_name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(product_brand, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(department, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'D')
    ) STORED
);
CREATE INDEX ix_product_search ON tbl_product USING gin (search_vector);
CREATE INDEX ix_product_name_trgm ON tbl_product USING gin (lower(product_name) gin_trgm_ops);
CREATE INDEX ix_product_brand_trgm ON tbl_product USING gin (lower(product_brand) gin_trgm_ops);
-- composite indexes named by the design: browsing a category by price, stock levels
CREATE INDEX ix_product_category_price ON tbl_product (product_category_id, retail_price);
CREATE INDEX ix_product_brand ON tbl_product (lower(product_brand));
CREATE INDEX ix_product_department ON tbl_product (department);
CREATE INDEX ix_product_stock_levels ON tbl_product (stock_quantity, low_stock_threshold);
CREATE INDEX ix_product_created ON tbl_product (created_at DESC, product_id DESC);
CREATE INDEX ix_product_price ON tbl_product (retail_price, product_id);

-- ---------------------------------------------------------------- vouchers

CREATE TABLE tbl_voucher (
    voucher_id      BIGSERIAL PRIMARY KEY,
    voucher_code    TEXT           NOT NULL CHECK (voucher_code = upper(voucher_code) AND length(voucher_code) BETWEEN 3 AND 40),
    description     TEXT           NOT NULL DEFAULT '',
    discount_type   TEXT           NOT NULL CHECK (discount_type IN ('PERCENT', 'FIXED')),
    discount_value  NUMERIC(15, 2) NOT NULL CHECK (discount_value > 0),
    min_purchase    NUMERIC(15, 2) NOT NULL DEFAULT 0 CHECK (min_purchase >= 0),
    max_discount    NUMERIC(15, 2) NULL CHECK (max_discount IS NULL OR max_discount > 0),
    usage_limit     INTEGER        NULL CHECK (usage_limit IS NULL OR usage_limit >= 0),
    used_count      INTEGER        NOT NULL DEFAULT 0 CHECK (used_count >= 0),
    valid_from      TIMESTAMPTZ    NOT NULL,
    valid_until     TIMESTAMPTZ    NOT NULL,
    is_active       BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CHECK (discount_type <> 'PERCENT' OR discount_value <= 100),
    CHECK (valid_until > valid_from),
    CHECK (usage_limit IS NULL OR used_count <= usage_limit)
);
CREATE UNIQUE INDEX ux_voucher_code ON tbl_voucher (voucher_code);
CREATE INDEX ix_voucher_active_window ON tbl_voucher (is_active, valid_from, valid_until);

-- ---------------------------------------------------------------- carts and stock holds

CREATE TABLE tbl_cart (
    cart_id        BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT      NULL REFERENCES tbl_customers (customer_id) ON DELETE CASCADE,
    guest_key      TEXT        NULL, -- a guest kiosk session
    voucher_id     BIGINT      NULL REFERENCES tbl_voucher (voucher_id),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((customer_id IS NULL) <> (guest_key IS NULL))
);
CREATE UNIQUE INDEX ux_cart_customer ON tbl_cart (customer_id) WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX ux_cart_guest ON tbl_cart (guest_key) WHERE guest_key IS NOT NULL;

CREATE TABLE tbl_cart_item (
    cart_item_id  BIGSERIAL PRIMARY KEY,
    cart_id       BIGINT      NOT NULL REFERENCES tbl_cart (cart_id) ON DELETE CASCADE,
    product_id    BIGINT      NOT NULL REFERENCES tbl_product (product_id),
    quantity      INTEGER     NOT NULL CHECK (quantity > 0 AND quantity <= 999),
    added_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (cart_id, product_id)
);

-- A hold reserves stock for a cart line until expires_at. Available = stock - live holds.
CREATE TABLE tbl_stock_hold (
    hold_id     BIGSERIAL PRIMARY KEY,
    product_id  BIGINT      NOT NULL REFERENCES tbl_product (product_id),
    cart_id     BIGINT      NULL REFERENCES tbl_cart (cart_id) ON DELETE SET NULL,
    quantity    INTEGER     NOT NULL CHECK (quantity > 0),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX ix_stock_hold_product_expiry ON tbl_stock_hold (product_id, expires_at) INCLUDE (quantity);
CREATE INDEX ix_stock_hold_cart ON tbl_stock_hold (cart_id);
CREATE INDEX ix_stock_hold_expiry ON tbl_stock_hold (expires_at);

-- ---------------------------------------------------------------- orders

CREATE TABLE tbl_order (
    order_id             BIGSERIAL PRIMARY KEY,
    order_number         TEXT           NOT NULL UNIQUE, -- shown to shoppers: SA-20261125-000123
    customer_id          BIGINT         NOT NULL REFERENCES tbl_customers (customer_id),
    voucher_id           BIGINT         NULL REFERENCES tbl_voucher (voucher_id),
    shipping_address_id  BIGINT         NULL REFERENCES tbl_customer_address (customer_address_id) ON DELETE SET NULL,
    -- a copy of the address at order time: the address row may be edited or deleted later
    shipping_address_text TEXT          NULL,
    status               TEXT           NOT NULL DEFAULT 'PENDING'
                                        CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    subtotal             NUMERIC(15, 2) NOT NULL CHECK (subtotal >= 0),
    discount_amount      NUMERIC(15, 2) NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
    total_amount         NUMERIC(15, 2) NOT NULL CHECK (total_amount >= 0),
    created_at           TIMESTAMPTZ    NOT NULL DEFAULT now(),
    paid_at              TIMESTAMPTZ    NULL,
    shipped_at           TIMESTAMPTZ    NULL,
    delivered_at         TIMESTAMPTZ    NULL,
    cancelled_at         TIMESTAMPTZ    NULL,
    CHECK (discount_amount <= subtotal),
    CHECK (total_amount = subtotal - discount_amount)
);
-- composite indexes named by the design: a customer's orders by date, orders by status and date
CREATE INDEX ix_order_customer_created ON tbl_order (customer_id, created_at DESC);
CREATE INDEX ix_order_status_created ON tbl_order (status, created_at DESC);

CREATE TABLE tbl_order_items (
    order_item_id   BIGSERIAL PRIMARY KEY,
    order_id        BIGINT         NOT NULL REFERENCES tbl_order (order_id) ON DELETE CASCADE,
    customer_id     BIGINT         NOT NULL REFERENCES tbl_customers (customer_id),
    product_id      BIGINT         NOT NULL REFERENCES tbl_product (product_id),
    product_name    TEXT           NOT NULL, -- as sold
    quantity        INTEGER        NOT NULL CHECK (quantity > 0),
    unit_price      NUMERIC(15, 2) NOT NULL CHECK (unit_price >= 0),
    line_subtotal   NUMERIC(15, 2) NOT NULL CHECK (line_subtotal >= 0),
    line_discount   NUMERIC(15, 2) NOT NULL DEFAULT 0 CHECK (line_discount >= 0),
    line_total      NUMERIC(15, 2) NOT NULL CHECK (line_total >= 0),
    CHECK (line_subtotal = unit_price * quantity),
    CHECK (line_discount <= line_subtotal),
    CHECK (line_total = line_subtotal - line_discount)
);
CREATE INDEX ix_order_items_order ON tbl_order_items (order_id);
CREATE INDEX ix_order_items_product ON tbl_order_items (product_id);
CREATE INDEX ix_order_items_customer ON tbl_order_items (customer_id);

-- The same idempotency key twice returns the same order. Written in the order's transaction.
CREATE TABLE tbl_checkout_request (
    idempotency_key  TEXT        PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 8 AND 200),
    customer_id      BIGINT      NOT NULL REFERENCES tbl_customers (customer_id),
    order_id         BIGINT      NOT NULL REFERENCES tbl_order (order_id),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- stock movements

CREATE TABLE tbl_stock_movement (
    stock_movement_id BIGSERIAL PRIMARY KEY,
    product_id        BIGINT      NOT NULL REFERENCES tbl_product (product_id),
    movement_type     TEXT        NOT NULL CHECK (movement_type IN
                          ('RESTOCK', 'HOLD', 'RELEASE', 'EXPIRE', 'SALE', 'CANCEL_RETURN', 'ADJUSTMENT')),
    quantity          INTEGER     NOT NULL,
    quantity_before   INTEGER     NOT NULL CHECK (quantity_before >= 0),
    quantity_after    INTEGER     NOT NULL CHECK (quantity_after >= 0),
    reference_type    TEXT        NULL CHECK (reference_type IS NULL OR reference_type IN ('CART', 'ORDER', 'HOLD', 'SEED', 'ADMIN')),
    reference_id      TEXT        NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_stock_movement_product_created ON tbl_stock_movement (product_id, created_at DESC);
CREATE INDEX ix_stock_movement_reference ON tbl_stock_movement (reference_type, reference_id);

-- ---------------------------------------------------------------- assistant (aichatbot)

CREATE SCHEMA IF NOT EXISTS aichatbot;

-- customer_id is a soft reference (no FK): guest sessions have none, and chat survives anonymisation
CREATE TABLE aichatbot.chat_session (
    chat_session_id  UUID        PRIMARY KEY,
    customer_id      BIGINT      NULL,
    guest_key        TEXT        NULL,
    title            TEXT        NULL,
    summary          TEXT        NULL, -- summary of the turns older than the recent window
    summary_upto     BIGINT      NULL, -- last chat_id_sequence covered by the summary
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_chat_session_customer ON aichatbot.chat_session (customer_id, updated_at DESC);
CREATE INDEX ix_chat_session_guest ON aichatbot.chat_session (guest_key, updated_at DESC);

CREATE TABLE aichatbot.chat_details (
    chat_id_sequence BIGSERIAL PRIMARY KEY,
    chat_session_id  UUID        NOT NULL REFERENCES aichatbot.chat_session (chat_session_id) ON DELETE CASCADE,
    role             TEXT        NOT NULL CHECK (role IN ('user', 'model', 'tool', 'system')),
    chat_content     TEXT        NOT NULL,
    token_usage      JSONB       NULL, -- {"model": "...", "input": n, "output": n, "total": n, "cost_usd": "..."}
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_chat_details_session ON aichatbot.chat_details (chat_session_id, chat_id_sequence);
CREATE INDEX ix_chat_details_created ON aichatbot.chat_details (created_at);

-- The store's AI spend: a daily cap shared by every kiosk, and what each kiosk spent each day.

-- one row; NULL is no cap of that kind (the default). Set by the owner:
--   UPDATE aichatbot.ai_spend_cap SET daily_usd = 25, updated_at = now();
CREATE TABLE aichatbot.ai_spend_cap (
    id           SMALLINT      PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    daily_tokens BIGINT        NULL CHECK (daily_tokens >= 0),
    daily_usd    NUMERIC(12,4) NULL CHECK (daily_usd >= 0),
    updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
INSERT INTO aichatbot.ai_spend_cap (id) VALUES (1);

-- a kiosk adds each model call's usage to its row of the day (the day in the budget zone):
-- the store's total is a sum over the day's few rows, and the guest budget is per kiosk and day
CREATE TABLE aichatbot.ai_spend_day (
    day          DATE           NOT NULL,
    kiosk_id     TEXT           NOT NULL,
    tokens       BIGINT         NOT NULL DEFAULT 0,
    cost_usd     NUMERIC(18,10) NOT NULL DEFAULT 0,
    guest_tokens BIGINT         NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (day, kiosk_id)
);

-- an enterprise customer has no daily budget of their own (the store's cap still holds)
ALTER TABLE tbl_customers DROP CONSTRAINT IF EXISTS tbl_customers_tier_check;
ALTER TABLE tbl_customers ADD CONSTRAINT tbl_customers_tier_check CHECK (tier IN ('FREE', 'PREMIUM', 'ENTERPRISE'));

-- a kiosk (V101's group role) reads the store's cap and the day's spend, and adds its own model
-- calls to the day; setting the cap is the owner's. The rows hold no customer data, so no
-- row-level security: every kiosk must see the whole store's day to obey the cap.
GRANT SELECT ON aichatbot.ai_spend_cap TO shopassist_kiosk;
GRANT SELECT, INSERT ON aichatbot.ai_spend_day TO shopassist_kiosk;
GRANT UPDATE (tokens, cost_usd, guest_tokens, updated_at) ON aichatbot.ai_spend_day TO shopassist_kiosk;

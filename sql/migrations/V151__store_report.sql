-- The store report (decision 0106) reads what the kiosks record here: which assistant layer
-- answered each turn, and the searches that found nothing.

-- One row per answered turn. chat_session_id is a soft reference: a day's report stays right
-- after the retention purge deletes a guest chat, and the row holds nothing a shopper said.
CREATE TABLE aichatbot.chat_turn (
    chat_turn_id     BIGSERIAL   PRIMARY KEY,
    chat_session_id  UUID        NOT NULL,
    assistant        TEXT        NOT NULL CHECK (length(assistant) BETWEEN 1 AND 40),
    latency_ms       INTEGER     NOT NULL CHECK (latency_ms >= 0),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_chat_turn_created ON aichatbot.chat_turn (created_at);

-- A search that found no product, its words folded (lower case, spaces collapsed, at most 100
-- characters). What a shopper typed: the upkeep deletes it with the chat retention.
CREATE TABLE tbl_search_miss (
    search_miss_id  BIGSERIAL   PRIMARY KEY,
    query_text      TEXT        NOT NULL CHECK (length(query_text) BETWEEN 1 AND 100),
    searched_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_search_miss_searched ON tbl_search_miss (searched_at);
-- assisted sales: the turns of a customer's chats on the day of an order
CREATE INDEX ix_order_created ON tbl_order (created_at);

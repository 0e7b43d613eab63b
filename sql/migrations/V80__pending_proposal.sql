-- A proposal waiting for the shopper's yes (checkout, apply voucher, clear cart) is kept with its
-- chat session, so a restart of the app does not forget it. It counts only until pending_until;
-- a newer proposal of the same session replaces it, and it goes with the session.
ALTER TABLE aichatbot.chat_session
    ADD COLUMN pending_action JSONB       NULL, -- {"id", "kind", "summary", "params", "owner", "assistant"}
    ADD COLUMN pending_until  TIMESTAMPTZ NULL;

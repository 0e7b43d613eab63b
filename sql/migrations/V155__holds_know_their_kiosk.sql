-- Decision 0095: a hold records the kiosk that took it, so a shopper leaving one kiosk (idle
-- reset, sign-out) gives back only what that kiosk held, never the holds another kiosk took for
-- the same signed-in customer. NULL: a hold taken before this column existed, or by a process
-- with no kiosk id (the store owner's commands, tests); any kiosk's departure releases those.
ALTER TABLE tbl_stock_hold
    ADD COLUMN kiosk_id TEXT NULL CHECK (kiosk_id IS NULL OR length(kiosk_id) BETWEEN 1 AND 64);

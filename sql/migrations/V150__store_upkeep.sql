-- Scheduled upkeep (decision 0105): the chat retention purge and the deletion of ended sign-in
-- sessions, run by one kiosk at a time. Both are SECURITY DEFINER functions so that a kiosk
-- role, which may neither rewrite chat content nor see sessions, can run them; neither takes
-- anything from the caller that widens what it removes.

-- The guest chats of a kiosk session that a customer then signed into: they count as that
-- customer's for an export and an erasure (the customer_id stays NULL: the chat was a guest's,
-- and resuming it as the customer's is no part of signing in).
ALTER TABLE aichatbot.chat_session ADD COLUMN signed_in_customer_id BIGINT NULL;
CREATE INDEX ix_chat_session_signed_in ON aichatbot.chat_session (signed_in_customer_id)
    WHERE signed_in_customer_id IS NOT NULL;
-- the purge finds guest chats by when they were last written
CREATE INDEX ix_chat_session_guest_updated ON aichatbot.chat_session (updated_at) WHERE customer_id IS NULL;

-- Retention: messages written before p_before read p_redacted, summaries and titles of the chats
-- that held them go, and guest chats last written before it are deleted whole (no one can ask for
-- them, and a kiosk keeps nothing of a guest longer than the store keeps a customer's chat).
-- p_before is never later than a day ago, whatever a caller passes.
CREATE FUNCTION upkeep_purge_chats(p_before timestamptz, p_redacted text)
    RETURNS TABLE (messages_redacted integer, guest_chats_deleted integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    cutoff timestamptz := least(p_before, now() - interval '1 day');
BEGIN
    DELETE FROM aichatbot.chat_session s WHERE s.customer_id IS NULL AND s.updated_at < cutoff;
    GET DIAGNOSTICS guest_chats_deleted = ROW_COUNT;
    UPDATE aichatbot.chat_session s
    SET summary = NULL, summary_upto = NULL, title = NULL
    WHERE EXISTS (SELECT 1 FROM aichatbot.chat_details d
                  WHERE d.chat_session_id = s.chat_session_id AND d.created_at < cutoff
                    AND d.chat_content <> p_redacted);
    UPDATE aichatbot.chat_details d SET chat_content = p_redacted
    WHERE d.created_at < cutoff AND d.chat_content <> p_redacted;
    GET DIAGNOSTICS messages_redacted = ROW_COUNT;
    RETURN NEXT;
END
$$;

-- Erasure (V102's privacy_erase, its checks unchanged) also covers the guest chats attributed to
-- the customer: their messages read p_redacted and their titles, summaries and pending proposals go.
CREATE OR REPLACE FUNCTION privacy_erase(p_customer_id bigint, p_redacted text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    s public.tbl_customer_session := public.presented_session();
BEGIN
    IF s.session_id IS NOT NULL OR NOT public.caller_is_owner() THEN
        IF s.session_id IS NULL OR coalesce(s.serving_customer_id, s.customer_id) <> p_customer_id THEN
            RAISE EXCEPTION 'only the signed-in customer, or a clerk serving them, may do that' USING ERRCODE = '42501';
        END IF;
        IF s.serving_customer_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM public.tbl_clerk_audit a
                WHERE a.session_id = s.session_id AND a.customer_id = p_customer_id
                  AND a.action = 'DELETE_ACCOUNT' AND a.xmin = pg_current_xact_id()::xid) THEN
            RAISE EXCEPTION 'a clerk needs the customer''s password for that' USING ERRCODE = '42501';
        END IF;
    END IF;
    PERFORM 1 FROM public.tbl_customers c WHERE c.customer_id = p_customer_id AND c.anonymised_at IS NULL FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    DELETE FROM public.tbl_customer_address WHERE customer_id = p_customer_id;
    UPDATE aichatbot.chat_details SET chat_content = p_redacted
    WHERE chat_session_id IN (SELECT chat_session_id FROM aichatbot.chat_session
                              WHERE customer_id = p_customer_id OR signed_in_customer_id = p_customer_id)
      AND chat_content <> p_redacted;
    -- a proposal waiting for a yes retells the chat too (an address, a voucher)
    UPDATE aichatbot.chat_session SET title = NULL, summary = NULL, summary_upto = NULL, pending_action = NULL,
        pending_until = NULL
    WHERE customer_id = p_customer_id OR signed_in_customer_id = p_customer_id;
    UPDATE public.tbl_order SET shipping_address_text = NULL, shipping_address_id = NULL WHERE customer_id = p_customer_id;
    UPDATE public.tbl_customers
    SET full_name = 'Deleted customer', email = 'deleted-' || p_customer_id || '@anonymised.invalid', password = NULL,
        age = NULL, gender = NULL, phone = NULL, anonymised_at = now(), updated_at = now()
    WHERE customer_id = p_customer_id;
    DELETE FROM public.tbl_sign_in_failure WHERE customer_id = p_customer_id;
    DELETE FROM public.tbl_sign_in_lock WHERE customer_id = p_customer_id;
    RETURN true;
END
$$;

-- Sign-in sessions that ended (expired, or signed out) are deleted: they open nothing any more.
CREATE FUNCTION upkeep_delete_ended_sessions() RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    deleted integer;
BEGIN
    DELETE FROM public.tbl_customer_session s WHERE s.expires_at <= now() OR s.revoked_at IS NOT NULL;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END
$$;

REVOKE ALL ON FUNCTION upkeep_purge_chats(timestamptz, text), upkeep_delete_ended_sessions() FROM PUBLIC;

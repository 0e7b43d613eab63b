-- Decision 0080: a customer's export and account deletion under a kiosk role. The customer
-- signed in at the kiosk may ask for both; a clerk serving a customer may only with that
-- customer's password, checked here with bcrypt, and each time a row of tbl_clerk_audit records
-- the clerk. The owner (store IT) may for any customer, when it presents no session: an app that
-- presents one (the embedded database's app runs as the owner) is held to that session's rules.
-- Erasing needs more than a kiosk role is granted (addresses, sessions, the customer row, chat
-- content), so it is done here, whole.

-- Raises unless the caller may export or delete this customer's data; records a clerk's doing.
-- A wrong (or missing) customer password is SQLSTATE SAH04, so the app can say just that; any other
-- refusal is 42501. Every check of a served customer's password costs one bcrypt, like a sign-in.
CREATE FUNCTION privacy_authorise(p_customer_id bigint, p_action text, p_password text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    s       public.tbl_customer_session := public.presented_session();
    stored  text;
    dummy   text;
    matched boolean;
BEGIN
    IF p_action NOT IN ('EXPORT', 'DELETE_ACCOUNT') THEN
        RAISE EXCEPTION 'unknown privacy action %', p_action USING ERRCODE = '22023';
    END IF;
    IF s.session_id IS NULL AND public.caller_is_owner() THEN
        RETURN;
    END IF;
    IF s.session_id IS NULL OR coalesce(s.serving_customer_id, s.customer_id) <> p_customer_id THEN
        RAISE EXCEPTION 'only the signed-in customer, or a clerk serving them, may do that' USING ERRCODE = '42501';
    END IF;
    IF s.serving_customer_id IS NULL THEN
        RETURN; -- the customer's own session
    END IF;
    SELECT c.password INTO stored FROM public.tbl_customers c WHERE c.customer_id = p_customer_id AND c.anonymised_at IS NULL;
    SELECT p.dummy_hash INTO dummy FROM public.tbl_sign_in_policy p;
    matched := public.crypt(coalesce(p_password, ''), coalesce(stored, dummy)) = coalesce(stored, dummy);
    IF matched IS NOT TRUE OR stored IS NULL OR octet_length(coalesce(p_password, '')) > 72 THEN
        RAISE EXCEPTION 'a clerk needs the customer''s password for that' USING ERRCODE = 'SAH04';
    END IF;
    INSERT INTO public.tbl_clerk_audit (clerk_id, customer_id, session_id, action, kiosk)
    VALUES (s.customer_id, p_customer_id, s.session_id, p_action, public.caller_kiosk());
END
$$;

-- What an export lists of the customer's sessions (never their tokens); the rest of the export a
-- kiosk reads under row-level security.
CREATE FUNCTION privacy_sessions(p_customer_id bigint)
    RETURNS TABLE (session_id bigint, created_at timestamptz, expires_at timestamptz, revoked_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
BEGIN
    IF NOT public.caller_is_owner() AND p_customer_id IS DISTINCT FROM public.session_customer() THEN
        RAISE EXCEPTION 'only the signed-in customer, or a clerk serving them, may do that' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT s.session_id, s.created_at, s.expires_at, s.revoked_at
        FROM public.tbl_customer_session s WHERE s.customer_id = p_customer_id ORDER BY s.session_id;
END
$$;

-- Right to be forgotten (decision 0015): addresses go, chat content is redacted and summaries and
-- titles dropped, orders keep no address, the row is anonymised (its sessions end with it, V100).
-- Orders stay for the store's books. The cart is the caller's to release first (its stock holds
-- go back through the app's stock service). A clerk must have been authorised for it in this same
-- transaction (privacy_authorise, with the customer's password). False when there is no such
-- customer.
CREATE FUNCTION privacy_erase(p_customer_id bigint, p_redacted text) RETURNS boolean
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
    WHERE chat_session_id IN (SELECT chat_session_id FROM aichatbot.chat_session WHERE customer_id = p_customer_id)
      AND chat_content <> p_redacted;
    -- a proposal waiting for a yes retells the chat too (an address, a voucher)
    UPDATE aichatbot.chat_session SET title = NULL, summary = NULL, summary_upto = NULL, pending_action = NULL,
        pending_until = NULL
    WHERE customer_id = p_customer_id;
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

-- The sign-in state V1 kept on the customer row lives in tbl_sign_in_failure and tbl_sign_in_lock
-- since V100 (decision 0081).
ALTER TABLE tbl_customers
    DROP COLUMN failed_login_count,
    DROP COLUMN first_failed_login_at,
    DROP COLUMN locked_until;

REVOKE ALL ON FUNCTION privacy_authorise(bigint, text, text), privacy_sessions(bigint), privacy_erase(bigint, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION privacy_authorise(bigint, text, text), privacy_sessions(bigint), privacy_erase(bigint, text)
    TO shopassist_kiosk;

-- What a kiosk role (decision 0080) needs of V150-V152, granted to shopassist_kiosk as V101 does:
-- run the upkeep functions, record turns and searches that found nothing, call, take and expire
-- clerk calls, and give its own guest chats to the customer who signs in, through a function
-- that takes that customer from the presented session. What is not granted here is denied: a
-- kiosk reads no other kiosk's missed searches, and sets signed_in_customer_id on no row itself.

GRANT EXECUTE ON FUNCTION upkeep_purge_chats(timestamptz, text), upkeep_delete_ended_sessions()
    TO shopassist_kiosk;

-- the report reads these as the owner; a kiosk only writes them (and the upkeep deletes old
-- misses, which needs the column it filters on)
GRANT INSERT ON aichatbot.chat_turn TO shopassist_kiosk;
GRANT USAGE ON SEQUENCE aichatbot.chat_turn_chat_turn_id_seq TO shopassist_kiosk;
GRANT INSERT, DELETE ON tbl_search_miss TO shopassist_kiosk;
GRANT SELECT (search_miss_id, searched_at) ON tbl_search_miss TO shopassist_kiosk;
GRANT USAGE ON SEQUENCE tbl_search_miss_search_miss_id_seq TO shopassist_kiosk;

-- a call names a kiosk and a clerk's first name, no shopper: every kiosk sees every call
GRANT SELECT, INSERT ON tbl_clerk_call TO shopassist_kiosk;
GRANT UPDATE (status, taken_by, taken_by_name, closed_at) ON tbl_clerk_call TO shopassist_kiosk;
GRANT USAGE ON SEQUENCE tbl_clerk_call_clerk_call_id_seq TO shopassist_kiosk;

-- The guest chats of guest session p_guest_key that this kiosk made, not yet given to anyone,
-- become the signed-in customer's for an export and an erasure. The customer is the presented
-- session's own (p_customer_id must be it), never one a kiosk names: V101's chat policy lets a
-- kiosk update its guest chats, so an UPDATE granted on the column would let it give them to
-- anyone. The owner with no session presented (store IT) may name the customer. Returns how many.
CREATE FUNCTION chat_attribute_guest(p_guest_key text, p_customer_id bigint) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    s     public.tbl_customer_session := public.presented_session();
    owner boolean := public.caller_is_owner();
    n     integer;
BEGIN
    IF (s.session_id IS NOT NULL OR NOT owner) AND s.customer_id IS DISTINCT FROM p_customer_id THEN
        RAISE EXCEPTION 'only the signed-in customer''s own session may take guest chats' USING ERRCODE = '42501';
    END IF;
    UPDATE aichatbot.chat_session c SET signed_in_customer_id = p_customer_id
    WHERE c.guest_key = p_guest_key AND c.customer_id IS NULL AND c.signed_in_customer_id IS NULL
      AND (owner OR c.kiosk_role = session_user);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION chat_attribute_guest(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chat_attribute_guest(text, bigint) TO shopassist_kiosk;

-- A customer signed in at any kiosk sees (for an export) the guest chats given to them, and so
-- their messages (V101's message policy follows the chat's visibility). Read only: changing them
-- stays with the kiosk that made them and with privacy_erase.
CREATE POLICY chat_signed_in_customer ON aichatbot.chat_session FOR SELECT
    USING (signed_in_customer_id = (SELECT public.session_customer()));

-- What a kiosk role (decision 0080) needs of V150-V152: run the upkeep functions, attribute its
-- own guest chats to the customer who signs in, record turns and searches that found nothing,
-- and call, take and expire clerk calls. Granted only where the kiosk group role exists (a
-- database migrated before kiosk roles had none to grant to).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shopassist_kiosk') THEN
        RETURN;
    END IF;
    GRANT EXECUTE ON FUNCTION upkeep_purge_chats(timestamptz, text), upkeep_delete_ended_sessions()
        TO shopassist_kiosk;
    GRANT UPDATE (signed_in_customer_id) ON aichatbot.chat_session TO shopassist_kiosk;
    GRANT SELECT, INSERT ON aichatbot.chat_turn TO shopassist_kiosk;
    GRANT USAGE ON SEQUENCE aichatbot.chat_turn_chat_turn_id_seq TO shopassist_kiosk;
    GRANT SELECT, INSERT, DELETE ON tbl_search_miss TO shopassist_kiosk;
    GRANT USAGE ON SEQUENCE tbl_search_miss_search_miss_id_seq TO shopassist_kiosk;
    GRANT SELECT, INSERT ON tbl_clerk_call TO shopassist_kiosk;
    GRANT UPDATE (status, taken_by, taken_by_name, closed_at) ON tbl_clerk_call TO shopassist_kiosk;
    GRANT USAGE ON SEQUENCE tbl_clerk_call_clerk_call_id_seq TO shopassist_kiosk;
    -- a customer signed in at another kiosk sees (for an export) the guest chats attributed to them
    IF to_regprocedure('public.session_customer()') IS NOT NULL THEN
        EXECUTE 'CREATE POLICY chat_signed_in_customer ON aichatbot.chat_session FOR SELECT'
                || ' USING (signed_in_customer_id = (SELECT public.session_customer()))';
    END IF;
END
$$;

-- Decision 0087: a customer's cart change queued offline is replayed presenting the sign-in session
-- it was made under, so row-level security (decision 0080) lets the store take it even after the
-- customer signed out at the kiosk. A change whose session has ended at the store by then waits on
-- the kiosk for them to sign in again, and their cart says so.

-- The kiosk's local side (on the store's database the outbox stays empty). The token is the
-- kiosk's own secret in its own database; it is forgotten once the change is done.
ALTER TABLE tbl_cart_outbox ADD COLUMN session_token TEXT NULL;
-- set on an owner's waiting changes while no session lets the store act for that customer
ALTER TABLE tbl_cart_outbox ADD COLUMN parked_at TIMESTAMPTZ NULL;

-- A notice that changes made at a kiosk wait there for the customer to sign in again.
ALTER TABLE tbl_cart_notice DROP CONSTRAINT tbl_cart_notice_kind_check;
ALTER TABLE tbl_cart_notice ADD CONSTRAINT tbl_cart_notice_kind_check CHECK (kind IN
    ('UNAVAILABLE', 'SHORT', 'PRICE_CHANGED', 'VOUCHER_REJECTED', 'CHECKOUT_REJECTED', 'CHANGES_WAITING'));

-- Sign-in sessions that ended are kept 30 days before the upkeep deletes them (V150 deleted them
-- within the hour): a kiosk whose queued changes wait for a customer whose session ended during a
-- long outage must still be able to leave the notice below with that session's token. An ended
-- session opens nothing: every function that acts on a session checks it is neither revoked nor
-- expired.
CREATE OR REPLACE FUNCTION upkeep_delete_ended_sessions() RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    deleted integer;
BEGIN
    DELETE FROM public.tbl_customer_session s WHERE least(s.revoked_at, s.expires_at) <= now() - interval '30 days';
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END
$$;

-- Leaves that notice on a customer's cart (made if they have none) for a kiosk that presents the
-- token of a session of that customer which has ended (revoked or expired, at most 30 days ago)
-- or still runs: holding the token proves the kiosk acted for them. It can do nothing else with
-- it. A clerk's session counts for a customer it served. p_waiting: how many changes wait;
-- p_kiosk: the kiosk they wait at.
CREATE FUNCTION note_changes_waiting(p_customer_id bigint, p_waiting integer, p_kiosk text, p_at timestamptz)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    s    public.tbl_customer_session;
    cart bigint;
BEGIN
    IF p_customer_id IS NULL OR p_waiting IS NULL OR p_waiting < 1 OR p_kiosk IS NULL OR length(p_kiosk) > 64 THEN
        RETURN false;
    END IF;
    SELECT * INTO s FROM public.tbl_customer_session
    WHERE token = encode(sha256(convert_to(coalesce(current_setting('shopassist.session_token', true), ''), 'UTF8')),
                         'hex');
    -- a session that ended is kept 30 days (upkeep_delete_ended_sessions above), and only so long
    -- does its token speak for the customer here
    IF NOT FOUND OR least(s.revoked_at, s.expires_at) <= now() - interval '30 days' THEN
        RETURN false;
    END IF;
    IF s.customer_id <> p_customer_id AND NOT EXISTS (
            SELECT 1 FROM public.tbl_clerk_audit a
            WHERE a.session_id = s.session_id AND a.action = 'SERVE' AND a.customer_id = p_customer_id) THEN
        RETURN false;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tbl_customers c
                   WHERE c.customer_id = p_customer_id AND c.anonymised_at IS NULL) THEN
        RETURN false;
    END IF;
    SELECT c.cart_id INTO cart FROM public.tbl_cart c WHERE c.customer_id = p_customer_id;
    IF cart IS NULL THEN
        INSERT INTO public.tbl_cart (customer_id) VALUES (p_customer_id)
        ON CONFLICT (customer_id) WHERE customer_id IS NOT NULL DO NOTHING;
        SELECT c.cart_id INTO cart FROM public.tbl_cart c WHERE c.customer_id = p_customer_id;
    END IF;
    DELETE FROM public.tbl_cart_notice n
    WHERE n.cart_id = cart AND n.kind = 'CHANGES_WAITING' AND n.reference = p_kiosk;
    INSERT INTO public.tbl_cart_notice (cart_id, kind, requested, reference, created_at)
    VALUES (cart, 'CHANGES_WAITING', p_waiting, p_kiosk, coalesce(p_at, now()));
    RETURN true;
END
$$;
REVOKE EXECUTE ON FUNCTION note_changes_waiting(bigint, integer, text, timestamptz) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shopassist_kiosk') THEN
        GRANT EXECUTE ON FUNCTION note_changes_waiting(bigint, integer, text, timestamptz) TO shopassist_kiosk;
    END IF;
END
$$;

-- Decision 0080: two kinds of database role. The store owner (this migration's role) owns the
-- schema and runs the admin commands; kiosks log in as roles that are members of
-- shopassist_kiosk and reach customer data only through a session they present. This migration
-- adds the sessions' database side: sign-in checked inside the database (pgcrypto reads the
-- $2a$ bcrypt hashes the app writes), session tokens turned into a customer id by a SECURITY
-- DEFINER function, clerk look-ups and service recorded with the clerk's id. V101 grants the
-- kiosk role its privileges and switches row-level security on.
--
-- Every SECURITY DEFINER function here follows the PostgreSQL guidance: a fixed search_path with
-- pg_temp last, and EXECUTE revoked from PUBLIC (V101 grants it to shopassist_kiosk). The ones
-- row-level security calls on every statement are PL/pgSQL: a SQL function that cannot be inlined
-- (SECURITY DEFINER ones never are) is planned again for every statement that calls it, about
-- half a millisecond each time; PL/pgSQL keeps its plans for the connection's life.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- The group role kiosks are members of (`db grant-kiosk --role NAME`). Roles belong to the
-- whole server, so it may exist already (another database of the same server).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shopassist_kiosk') THEN
        IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'the role shopassist_kiosk does not exist and % may not create roles', current_user
                USING HINT = 'Ask the database administrator to run: CREATE ROLE shopassist_kiosk NOLOGIN; then run db migrate again.';
        END IF;
        CREATE ROLE shopassist_kiosk NOLOGIN;
    END IF;
END
$$;

-- Kiosks may not create objects in the public schema (PostgreSQL 15 already says so; older
-- servers granted it to everyone). A SECURITY DEFINER function's search_path names public, so
-- nothing a kiosk creates can stand in for what it calls.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- ---------------------------------------------------------------- who is calling

-- True when the connected role may act as the schema's owner (the migrator, or a superuser):
-- such callers could change the tables directly, so the session checks below do not apply.
-- session_user, not current_user: inside a SECURITY DEFINER function current_user is the owner.
CREATE FUNCTION caller_is_owner() RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT pg_has_role(session_user, c.relowner, 'USAGE') FROM pg_class c
            WHERE c.oid = 'public.tbl_customers'::regclass);
END
$$;

-- One kiosk as sign-in throttling and audit rows know it: its login role and its address.
CREATE FUNCTION caller_kiosk() RETURNS text
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN session_user::text || '@' || coalesce(host(inet_client_addr()), 'local');
END
$$;

-- ---------------------------------------------------------------- sessions

-- A clerk session may serve one customer at a time (clerk_serve); the kiosk then acts for that
-- customer under the clerk's session. kiosk: where the session was opened.
ALTER TABLE tbl_customer_session
    ADD COLUMN serving_customer_id BIGINT NULL REFERENCES tbl_customers (customer_id) ON DELETE SET NULL,
    ADD COLUMN kiosk TEXT NULL;

-- An anonymised (deleted) account has no sessions, and no clerk serves it any more: so the session
-- functions below need not look at tbl_customers at all.
CREATE FUNCTION customer_anonymised_ends_sessions() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    DELETE FROM public.tbl_customer_session WHERE customer_id = NEW.customer_id;
    UPDATE public.tbl_customer_session SET serving_customer_id = NULL WHERE serving_customer_id = NEW.customer_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER trg_customer_anonymised_ends_sessions AFTER UPDATE OF anonymised_at ON tbl_customers
    FOR EACH ROW WHEN (NEW.anonymised_at IS NOT NULL AND OLD.anonymised_at IS NULL)
    EXECUTE FUNCTION customer_anonymised_ends_sessions();
CREATE INDEX ix_customer_session_serving ON tbl_customer_session (serving_customer_id)
    WHERE serving_customer_id IS NOT NULL;

-- The token the kiosk presents travels in the connection setting shopassist.session_token; only
-- its SHA-256 digest is stored. Something a kiosk could simply SET (a customer id) would be no key.
CREATE FUNCTION presented_session() RETURNS tbl_customer_session
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    found public.tbl_customer_session;
BEGIN
    SELECT s.* INTO found
    FROM public.tbl_customer_session s
    WHERE s.token = encode(sha256(convert_to(current_setting('shopassist.session_token', true), 'UTF8')), 'hex')
      AND s.revoked_at IS NULL
      AND s.expires_at > now();
    RETURN found;
END
$$;

-- The customer the presented session acts for (a clerk's: the customer served, else the clerk),
-- NULL without a valid session. Row-level security policies call it once per statement.
CREATE FUNCTION session_customer() RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    acting bigint;
BEGIN
    -- one index lookup, no nested call: row-level security runs this once or more in every
    -- statement it guards (anonymising an account ends its sessions, see above)
    SELECT coalesce(s.serving_customer_id, s.customer_id) INTO acting
    FROM public.tbl_customer_session s
    WHERE s.token = encode(sha256(convert_to(current_setting('shopassist.session_token', true), 'UTF8')), 'hex')
      AND s.revoked_at IS NULL
      AND s.expires_at > now();
    RETURN acting;
END
$$;

-- The clerk of the presented session, NULL when it is no clerk's. Orders and chat sessions take
-- it as their clerk_id default, so a clerk's work is recorded without the kiosk saying so.
CREATE FUNCTION session_clerk() RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    clerk bigint;
BEGIN
    SELECT c.customer_id INTO clerk
    FROM public.tbl_customer_session s
    JOIN public.tbl_customers c ON c.customer_id = s.customer_id
    WHERE s.token = encode(sha256(convert_to(current_setting('shopassist.session_token', true), 'UTF8')), 'hex')
      AND s.revoked_at IS NULL
      AND s.expires_at > now()
      AND c.role = 'CLERK';
    RETURN clerk;
END
$$;

-- The customer of a token (its own customer, not one a clerk serves): for a kiosk that holds a
-- token and asks whose it is.
CREATE FUNCTION session_owner(p_token text)
    RETURNS TABLE (customer_id bigint, full_name text, email text, age integer, gender text, phone text,
                   role text, tier text, created_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT c.customer_id, c.full_name, c.email, c.age, c.gender, c.phone, c.role, c.tier, c.created_at
    FROM public.tbl_customer_session s
    JOIN public.tbl_customers c ON c.customer_id = s.customer_id
    WHERE s.token = encode(sha256(convert_to(p_token, 'UTF8')), 'hex')
      AND s.revoked_at IS NULL AND s.expires_at > now() AND c.anonymised_at IS NULL
$$;

CREATE FUNCTION sign_out(p_token text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    UPDATE public.tbl_customer_session
    SET revoked_at = now(), serving_customer_id = NULL
    WHERE token = encode(sha256(convert_to(p_token, 'UTF8')), 'hex') AND revoked_at IS NULL
$$;

-- ---------------------------------------------------------------- sign-in without oracles

-- How sign-in defends itself; the store's IT may tune the row (as the owner).
-- A kiosk that fails kiosk_max_failures times within failure_window is refused for the rest of
-- the window (password spraying). An account that fails account_max_failures times at one kiosk
-- is locked at that kiosk for lockout; store_max_failures failures from all kiosks together lock
-- it everywhere. One kiosk alone can therefore never lock anyone out of another kiosk: keep
-- store_max_failures above twice account_max_failures.
CREATE TABLE tbl_sign_in_policy (
    singleton            BOOLEAN  PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    account_max_failures INTEGER  NOT NULL DEFAULT 5 CHECK (account_max_failures >= 1),
    store_max_failures   INTEGER  NOT NULL DEFAULT 15 CHECK (store_max_failures >= 1),
    kiosk_max_failures   INTEGER  NOT NULL DEFAULT 20 CHECK (kiosk_max_failures >= 1),
    failure_window       INTERVAL NOT NULL DEFAULT '15 minutes' CHECK (failure_window > '0'),
    lockout              INTERVAL NOT NULL DEFAULT '15 minutes' CHECK (lockout > '0'),
    max_session          INTERVAL NOT NULL DEFAULT '24 hours' CHECK (max_session > '0'),
    -- a bcrypt hash of nothing anyone knows, same cost as the app's (12): an unknown email costs
    -- as much time as a known one
    dummy_hash           TEXT     NOT NULL
);
INSERT INTO tbl_sign_in_policy (dummy_hash) VALUES (crypt(encode(gen_random_bytes(24), 'hex'), gen_salt('bf', 12)));

CREATE TABLE tbl_sign_in_failure (
    sign_in_failure_id BIGSERIAL   PRIMARY KEY,
    kiosk              TEXT        NOT NULL,
    customer_id        BIGINT      NULL REFERENCES tbl_customers (customer_id) ON DELETE CASCADE,
    failed_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_sign_in_failure_kiosk ON tbl_sign_in_failure (kiosk, failed_at);
CREATE INDEX ix_sign_in_failure_customer ON tbl_sign_in_failure (customer_id, kiosk, failed_at);
CREATE INDEX ix_sign_in_failure_failed ON tbl_sign_in_failure (failed_at);

-- kiosk '*': locked at every kiosk
CREATE TABLE tbl_sign_in_lock (
    customer_id  BIGINT      NOT NULL REFERENCES tbl_customers (customer_id) ON DELETE CASCADE,
    kiosk        TEXT        NOT NULL,
    locked_until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, kiosk)
);

-- Signs in and opens a session. outcome: OK (token, expires_at and the customer's columns set),
-- BAD (a wrong password, an unknown email and a locked account alike) or THROTTLED (this kiosk
-- failed too often; retry_at says when it may try again: it says nothing about any account).
-- Every call pays exactly one bcrypt, so the answers cannot be told apart by time either.
CREATE FUNCTION sign_in(p_email text, p_password text, p_ttl_seconds integer)
    RETURNS TABLE (outcome text, token text, expires_at timestamptz, retry_at timestamptz,
                   customer_id bigint, full_name text, email text, age integer, gender text, phone text,
                   role text, tier text, created_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    pol        public.tbl_sign_in_policy;
    k          text := public.caller_kiosk();
    cid        bigint;
    stored     text;
    matched    boolean;
    failures   integer;
    since      timestamptz;
    tok        text;
    until      timestamptz;
BEGIN
    SELECT * INTO pol FROM public.tbl_sign_in_policy;
    -- one sign-in per kiosk at a time: parallel guesses from one kiosk cannot slip past the throttle
    PERFORM pg_advisory_xact_lock(hashtext('shopassist sign-in ' || k));

    SELECT c.customer_id, c.password INTO cid, stored
    FROM public.tbl_customers c
    WHERE lower(c.email) = lower(btrim(coalesce(p_email, ''))) AND c.anonymised_at IS NULL;

    -- the one bcrypt, whatever follows; pgcrypto reads at most 72 bytes, so a longer password
    -- (which the app never accepts) can never match
    matched := public.crypt(coalesce(p_password, ''), coalesce(stored, pol.dummy_hash)) = coalesce(stored, pol.dummy_hash);
    matched := matched AND stored IS NOT NULL AND octet_length(p_password) <= 72;

    SELECT count(*) INTO failures FROM public.tbl_sign_in_failure f
    WHERE f.kiosk = k AND f.failed_at > now() - pol.failure_window;
    IF failures >= pol.kiosk_max_failures THEN
        RETURN QUERY
            SELECT 'THROTTLED', NULL::text, NULL::timestamptz,
                   (SELECT f.failed_at FROM public.tbl_sign_in_failure f
                    WHERE f.kiosk = k AND f.failed_at > now() - pol.failure_window
                    ORDER BY f.failed_at DESC OFFSET pol.kiosk_max_failures - 1 LIMIT 1) + pol.failure_window,
                   NULL::bigint, NULL::text, NULL::text, NULL::integer, NULL::text, NULL::text, NULL::text,
                   NULL::text, NULL::timestamptz;
        RETURN;
    END IF;

    DELETE FROM public.tbl_sign_in_failure f WHERE f.failed_at < now() - interval '1 day';

    IF cid IS NULL THEN
        INSERT INTO public.tbl_sign_in_failure (kiosk, customer_id) VALUES (k, NULL);
        RETURN QUERY SELECT 'BAD', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::bigint, NULL::text,
                            NULL::text, NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text,
                            NULL::timestamptz;
        RETURN;
    END IF;

    -- the account's counting, one sign-in at a time (the bcrypt above ran before this lock)
    PERFORM 1 FROM public.tbl_customers c WHERE c.customer_id = cid FOR NO KEY UPDATE;
    IF EXISTS (SELECT 1 FROM public.tbl_sign_in_lock l
               WHERE l.customer_id = cid AND l.kiosk IN (k, '*') AND l.locked_until > now()) THEN
        -- not counted against the account (a lock must not extend itself), only against the kiosk
        INSERT INTO public.tbl_sign_in_failure (kiosk, customer_id) VALUES (k, NULL);
        RETURN QUERY SELECT 'BAD', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::bigint, NULL::text,
                            NULL::text, NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text,
                            NULL::timestamptz;
        RETURN;
    END IF;

    IF matched AND EXISTS (SELECT 1 FROM public.tbl_customers c WHERE c.customer_id = cid AND c.password = stored) THEN
        DELETE FROM public.tbl_sign_in_failure f WHERE f.customer_id = cid AND f.kiosk = k;
        tok := translate(encode(public.gen_random_bytes(32), 'base64'), '+/=', '-_');
        until := now() + least(make_interval(secs => greatest(coalesce(p_ttl_seconds, 0), 60)), pol.max_session);
        INSERT INTO public.tbl_customer_session (customer_id, token, created_at, expires_at, kiosk)
        VALUES (cid, encode(sha256(convert_to(tok, 'UTF8')), 'hex'), now(), until, k);
        RETURN QUERY
            SELECT 'OK', tok, until, NULL::timestamptz, c.customer_id, c.full_name, c.email, c.age, c.gender,
                   c.phone, c.role, c.tier, c.created_at
            FROM public.tbl_customers c WHERE c.customer_id = cid;
        RETURN;
    END IF;

    INSERT INTO public.tbl_sign_in_failure (kiosk, customer_id) VALUES (k, cid);
    -- this kiosk's failures for the account since its last lock here ended
    SELECT greatest(now() - pol.failure_window, coalesce(max(l.locked_until), '-infinity'))
    INTO since FROM public.tbl_sign_in_lock l WHERE l.customer_id = cid AND l.kiosk = k;
    SELECT count(*) INTO failures FROM public.tbl_sign_in_failure f
    WHERE f.customer_id = cid AND f.kiosk = k AND f.failed_at > since;
    IF failures >= pol.account_max_failures THEN
        INSERT INTO public.tbl_sign_in_lock AS l (customer_id, kiosk, locked_until) VALUES (cid, k, now() + pol.lockout)
        ON CONFLICT (customer_id, kiosk) DO UPDATE SET locked_until = EXCLUDED.locked_until;
    END IF;
    -- every kiosk's failures for the account since its last store-wide lock ended
    SELECT greatest(now() - pol.failure_window, coalesce(max(l.locked_until), '-infinity'))
    INTO since FROM public.tbl_sign_in_lock l WHERE l.customer_id = cid AND l.kiosk = '*';
    SELECT count(*) INTO failures FROM public.tbl_sign_in_failure f
    WHERE f.customer_id = cid AND f.failed_at > since;
    IF failures >= pol.store_max_failures THEN
        INSERT INTO public.tbl_sign_in_lock AS l (customer_id, kiosk, locked_until) VALUES (cid, '*', now() + pol.lockout)
        ON CONFLICT (customer_id, kiosk) DO UPDATE SET locked_until = EXCLUDED.locked_until;
    END IF;
    RETURN QUERY SELECT 'BAD', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::bigint, NULL::text,
                        NULL::text, NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text,
                        NULL::timestamptz;
END
$$;

-- Registration: always a CUSTOMER on the FREE tier, with a bcrypt hash the app made (cost 10 or
-- more). No row when the email is taken.
CREATE FUNCTION register_customer(p_full_name text, p_email text, p_password_hash text, p_age integer,
                                  p_gender text, p_phone text)
    RETURNS TABLE (customer_id bigint, full_name text, email text, age integer, gender text, phone text,
                   role text, tier text, created_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
BEGIN
    IF p_password_hash IS NULL OR p_password_hash !~ '^\$2[aby]\$(1[0-9]|2[0-9]|3[01])\$[./A-Za-z0-9]{53}$' THEN
        RAISE EXCEPTION 'a registration needs a bcrypt hash of cost 10 or more' USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
        INSERT INTO public.tbl_customers AS c (full_name, email, password, age, gender, phone, role, tier)
        VALUES (p_full_name, lower(btrim(p_email)), p_password_hash, p_age, p_gender, p_phone, 'CUSTOMER', 'FREE')
        ON CONFLICT (lower(email)) DO NOTHING
        RETURNING c.customer_id, c.full_name, c.email, c.age, c.gender, c.phone, c.role, c.tier, c.created_at;
END
$$;

-- ---------------------------------------------------------------- clerks

-- Every clerk look-up, every customer served and what was done for them, with the clerk's id.
CREATE TABLE tbl_clerk_audit (
    clerk_audit_id BIGSERIAL   PRIMARY KEY,
    clerk_id       BIGINT      NOT NULL REFERENCES tbl_customers (customer_id),
    customer_id    BIGINT      NULL REFERENCES tbl_customers (customer_id),
    session_id     BIGINT      NULL REFERENCES tbl_customer_session (session_id) ON DELETE SET NULL,
    action         TEXT        NOT NULL CHECK (action IN
                       ('LOOKUP', 'SERVE', 'STOP_SERVING', 'EXPORT', 'DELETE_ACCOUNT')),
    kiosk          TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_clerk_audit_clerk ON tbl_clerk_audit (clerk_id, at);
CREATE INDEX ix_clerk_audit_customer ON tbl_clerk_audit (customer_id, at);

-- added without a default, then given one: existing rows stay NULL and the table is not rewritten
ALTER TABLE tbl_order ADD COLUMN clerk_id BIGINT NULL REFERENCES tbl_customers (customer_id);
ALTER TABLE tbl_order ALTER COLUMN clerk_id SET DEFAULT session_clerk();
ALTER TABLE aichatbot.chat_session ADD COLUMN clerk_id BIGINT NULL;
ALTER TABLE aichatbot.chat_session ALTER COLUMN clerk_id SET DEFAULT public.session_clerk();

-- Customers by email (exact), phone (its digits) or name (part of it, or close to it), at most
-- p_limit. A kiosk needs a clerk's session; each customer found is recorded, and only a customer
-- found so can be served. The owner (store IT scripts) may look up without one.
CREATE FUNCTION clerk_lookup(p_query text, p_limit integer)
    RETURNS TABLE (customer_id bigint, full_name text, email text, age integer, gender text, phone text,
                   role text, tier text, created_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    s      public.tbl_customer_session := public.presented_session();
    clerk  bigint := public.session_clerk();
    q      text := btrim(coalesce(p_query, ''));
    n      integer := least(greatest(coalesce(p_limit, 20), 1), 50);
    digits text := regexp_replace(q, '[^0-9]', '', 'g');
BEGIN
    IF clerk IS NULL AND NOT public.caller_is_owner() THEN
        RAISE EXCEPTION 'only a signed-in clerk can look customers up' USING ERRCODE = '42501';
    END IF;
    IF q = '' THEN
        RETURN;
    END IF;
    q := left(q, 200);
    RETURN QUERY
        WITH found AS (
            SELECT c.customer_id, c.full_name, c.email, c.age, c.gender, c.phone, c.role, c.tier, c.created_at,
                   CASE WHEN strpos(lower(c.full_name), lower(q)) > 0 THEN 0 ELSE 1 END AS contains_rank,
                   similarity(lower(c.full_name), lower(q)) AS sim
            FROM public.tbl_customers c
            WHERE c.anonymised_at IS NULL AND c.role = 'CUSTOMER'
              AND CASE
                    WHEN position('@' IN q) > 0 THEN lower(c.email) = lower(q)
                    WHEN q ~ '^\+?[0-9 ().-]{6,20}$' THEN
                        length(digits) >= 6 AND right(regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g'),
                                                      least(length(digits), 9)) = right(digits, 9)
                    ELSE strpos(lower(c.full_name), lower(q)) > 0 OR lower(c.full_name) % lower(q)
                  END
            ORDER BY contains_rank, sim DESC, c.customer_id
            LIMIT n
        ), audited AS (
            INSERT INTO public.tbl_clerk_audit (clerk_id, customer_id, session_id, action, kiosk)
            SELECT clerk, f.customer_id, s.session_id, 'LOOKUP', public.caller_kiosk() FROM found f
            WHERE clerk IS NOT NULL
        )
        SELECT f.customer_id, f.full_name, f.email, f.age, f.gender, f.phone, f.role, f.tier, f.created_at
        FROM found f ORDER BY f.contains_rank, f.sim DESC, f.customer_id;
END
$$;

-- The presented clerk session serves this customer now (one this session looked up).
CREATE FUNCTION clerk_serve(p_customer_id bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    s     public.tbl_customer_session := public.presented_session();
    clerk bigint := public.session_clerk();
BEGIN
    IF clerk IS NULL THEN
        RAISE EXCEPTION 'only a signed-in clerk can serve a customer' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tbl_clerk_audit a
                   WHERE a.session_id = s.session_id AND a.action = 'LOOKUP' AND a.customer_id = p_customer_id) THEN
        RAISE EXCEPTION 'a clerk serves a customer found by a look-up in the same session' USING ERRCODE = '42501';
    END IF;
    UPDATE public.tbl_customer_session SET serving_customer_id = p_customer_id WHERE session_id = s.session_id;
    INSERT INTO public.tbl_clerk_audit (clerk_id, customer_id, session_id, action, kiosk)
    VALUES (clerk, p_customer_id, s.session_id, 'SERVE', public.caller_kiosk());
END
$$;

CREATE FUNCTION clerk_stop_serving() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    s     public.tbl_customer_session := public.presented_session();
    clerk bigint := public.session_clerk();
BEGIN
    IF clerk IS NULL OR s.serving_customer_id IS NULL THEN
        RETURN;
    END IF;
    UPDATE public.tbl_customer_session SET serving_customer_id = NULL WHERE session_id = s.session_id;
    INSERT INTO public.tbl_clerk_audit (clerk_id, customer_id, session_id, action, kiosk)
    VALUES (clerk, s.serving_customer_id, s.session_id, 'STOP_SERVING', public.caller_kiosk());
END
$$;

-- ---------------------------------------------------------------- carts, vouchers, orders

-- Guest carts and guest chats belong to the kiosk role that made them (rows from before this
-- migration have none, and no kiosk sees them).
ALTER TABLE tbl_cart ADD COLUMN kiosk_role TEXT NULL;
ALTER TABLE tbl_cart ALTER COLUMN kiosk_role SET DEFAULT session_user;
ALTER TABLE aichatbot.chat_session ADD COLUMN kiosk_role TEXT NULL;
ALTER TABLE aichatbot.chat_session ALTER COLUMN kiosk_role SET DEFAULT session_user;

-- A cart line carries its cart's owner, so that row-level security decides on the line's own
-- columns (a function per line costs several lookups on every read of a cart). The database
-- fills them from the cart, always: a kiosk cannot choose them (V101 grants it no such column).
ALTER TABLE tbl_cart_item ADD COLUMN customer_id BIGINT NULL, ADD COLUMN kiosk_role TEXT NULL;
UPDATE tbl_cart_item i SET customer_id = c.customer_id, kiosk_role = c.kiosk_role
FROM tbl_cart c WHERE c.cart_id = i.cart_id;

-- SECURITY DEFINER so that it reads the cart whoever may see it; a cart inserted earlier in the
-- same statement (the first add to a cart, decision 0018) is visible to a trigger function.
CREATE FUNCTION cart_line_owner() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    SELECT c.customer_id, c.kiosk_role INTO NEW.customer_id, NEW.kiosk_role
    FROM public.tbl_cart c WHERE c.cart_id = NEW.cart_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER trg_cart_line_owner BEFORE INSERT OR UPDATE OF cart_id, customer_id, kiosk_role ON tbl_cart_item
    FOR EACH ROW EXECUTE FUNCTION cart_line_owner();

-- the owner may hand a cart to someone else (kiosks cannot): its lines follow
CREATE FUNCTION cart_owner_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE public.tbl_cart_item SET customer_id = NEW.customer_id, kiosk_role = NEW.kiosk_role
    WHERE cart_id = NEW.cart_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER trg_cart_owner_changed AFTER UPDATE OF customer_id, guest_key, kiosk_role ON tbl_cart
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.kiosk_role IS DISTINCT FROM NEW.kiosk_role)
    EXECUTE FUNCTION cart_owner_changed();

-- Counts a voucher's use at checkout, within its limit. A kiosk may count only the voucher in
-- the cart of the customer whose session it presents; no kiosk can lower the count.
CREATE FUNCTION voucher_count_use(p_voucher_id bigint) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT public.caller_is_owner()
       AND NOT EXISTS (SELECT 1 FROM public.tbl_cart c
                       WHERE c.voucher_id = p_voucher_id AND c.customer_id = public.session_customer()) THEN
        RAISE EXCEPTION 'voucher % is not in the cart of the signed-in customer', p_voucher_id USING ERRCODE = '42501';
    END IF;
    UPDATE public.tbl_voucher SET used_count = used_count + 1
    WHERE voucher_id = p_voucher_id AND (usage_limit IS NULL OR used_count < usage_limit);
    RETURN FOUND;
END
$$;

-- Order statuses move only along the legal transitions (core's OrderStatus), whoever writes.
-- A kiosk may only cancel a pending order: paying, shipping and delivering are the back office's.
CREATE FUNCTION order_status_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'PENDING' AND NEW.status IN ('PAID', 'CANCELLED'))
        OR (OLD.status = 'PAID' AND NEW.status IN ('SHIPPED', 'CANCELLED'))
        OR (OLD.status = 'SHIPPED' AND NEW.status = 'DELIVERED')) THEN
        RAISE EXCEPTION 'order % cannot move from % to %', OLD.order_number, OLD.status, NEW.status
            USING ERRCODE = 'SAH03';
    END IF;
    IF NOT public.caller_is_owner() AND (
           (NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status = 'PENDING' AND NEW.status = 'CANCELLED'))
        OR NEW.paid_at IS DISTINCT FROM OLD.paid_at
        OR NEW.shipped_at IS DISTINCT FROM OLD.shipped_at
        OR NEW.delivered_at IS DISTINCT FROM OLD.delivered_at) THEN
        RAISE EXCEPTION 'a kiosk may only cancel a pending order' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER trg_order_status_guard BEFORE UPDATE ON tbl_order
    FOR EACH ROW EXECUTE FUNCTION order_status_guard();

-- A cancelled order gives its voucher use back, once, in the statement that cancels it: the
-- kiosk has no way to lower a voucher's count itself.
CREATE FUNCTION order_cancel_returns_voucher() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE public.tbl_voucher SET used_count = used_count - 1 WHERE voucher_id = NEW.voucher_id AND used_count > 0;
    RETURN NULL;
END
$$;
CREATE TRIGGER trg_order_cancel_returns_voucher AFTER UPDATE OF status ON tbl_order
    FOR EACH ROW WHEN (NEW.status = 'CANCELLED' AND OLD.status <> 'CANCELLED' AND NEW.voucher_id IS NOT NULL)
    EXECUTE FUNCTION order_cancel_returns_voucher();

-- An order line written by a kiosk sells at the product's price and name of the moment, into an
-- order of the same customer made in the same transaction.
CREATE FUNCTION order_line_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF public.caller_is_owner() THEN
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tbl_order o
                   WHERE o.order_id = NEW.order_id AND o.customer_id = NEW.customer_id
                     AND o.xmin = pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'order lines go into an order made in the same checkout' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tbl_product p
                   WHERE p.product_id = NEW.product_id AND p.retail_price = NEW.unit_price
                     AND p.product_name = NEW.product_name) THEN
        RAISE EXCEPTION 'an order line must carry the product''s current price and name' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER trg_order_line_guard BEFORE INSERT ON tbl_order_items
    FOR EACH ROW EXECUTE FUNCTION order_line_guard();

-- At commit: a kiosk's order adds up to its lines, and its discount is one its voucher can give.
CREATE FUNCTION order_totals_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    lines    integer;
    sub      numeric;
    disc     numeric;
    v        public.tbl_voucher;
    most     numeric;
BEGIN
    IF public.caller_is_owner() THEN
        RETURN NULL;
    END IF;
    SELECT count(*), coalesce(sum(i.line_subtotal), 0), coalesce(sum(i.line_discount), 0)
    INTO lines, sub, disc
    FROM public.tbl_order_items i WHERE i.order_id = NEW.order_id;
    IF lines = 0 OR sub <> NEW.subtotal OR disc <> NEW.discount_amount THEN
        RAISE EXCEPTION 'order % does not add up to its lines', NEW.order_number USING ERRCODE = '42501';
    END IF;
    IF NEW.voucher_id IS NULL THEN
        most := 0;
    ELSE
        SELECT * INTO v FROM public.tbl_voucher WHERE voucher_id = NEW.voucher_id;
        IF NOT v.is_active OR NEW.subtotal < v.min_purchase THEN
            most := 0;
        ELSIF v.discount_type = 'FIXED' THEN
            most := least(v.discount_value, NEW.subtotal);
        ELSE
            most := least(ceil(NEW.subtotal * v.discount_value / 100), coalesce(v.max_discount, NEW.subtotal));
        END IF;
    END IF;
    IF NEW.discount_amount > most THEN
        RAISE EXCEPTION 'order % has a discount its voucher cannot give', NEW.order_number USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER trg_order_totals_guard AFTER INSERT ON tbl_order
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION order_totals_guard();

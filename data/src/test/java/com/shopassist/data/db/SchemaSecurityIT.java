package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.CommerceFixture;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every migration must keep true of the schema a kiosk role meets (decision 0080), read from
 * the catalog so that a later migration cannot forget it: every SECURITY DEFINER function has a
 * fixed search_path with pg_temp last and no EXECUTE for PUBLIC; every table that holds a
 * customer's rows has row-level security; no password, session token or dummy hash is readable
 * by the kiosk group; a view the kiosk group may read runs with the reader's rights (a view runs
 * as its owner by default, which row-level security does not bind); the kiosk group may not
 * create objects, TRUNCATE, add triggers or references, and owns nothing.
 */
class SchemaSecurityIT {

    /** One line per thing that breaks a rule, naming it. */
    static List<String> violations(Database owner) {
        List<String> out = new ArrayList<>();
        try (Connection c = owner.dataSource().getConnection();
                Statement s = c.createStatement()) {
            collect(
                    s,
                    out,
                    "SECURITY DEFINER without a fixed search_path ending in pg_temp: ",
                    "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                            + " WHERE p.prosecdef AND n.nspname IN ('public', 'aichatbot')"
                            + " AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) cfg"
                            + "   WHERE cfg LIKE 'search\\_path=%' AND cfg LIKE '%pg\\_temp')");
            collect(
                    s,
                    out,
                    "SECURITY DEFINER that PUBLIC may execute: ",
                    "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                            + " WHERE p.prosecdef AND n.nspname IN ('public', 'aichatbot')"
                            + " AND EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a"
                            + "   WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')");
            collect(
                    s,
                    out,
                    "customer rows without row-level security: ",
                    "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'aichatbot')"
                            + " AND NOT c.relrowsecurity"
                            + " AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND NOT a.attisdropped"
                            + "   AND a.attname IN ('customer_id', 'serving_customer_id', 'clerk_id', 'password', 'email'))");
            collect(
                    s,
                    out,
                    "more than a kiosk needs: ",
                    "SELECT c.oid::regclass::text || ' ' || a.privilege_type FROM pg_class c"
                            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " CROSS JOIN LATERAL aclexplode(c.relacl) a"
                            + " WHERE n.nspname IN ('public', 'aichatbot')"
                            + " AND a.grantee = '" + KioskRoles.KIOSK_GROUP + "'::regrole"
                            + " AND a.privilege_type IN ('TRUNCATE', 'TRIGGER', 'REFERENCES')");
            collect(
                    s,
                    out,
                    "a secret the kiosk may read: ",
                    "SELECT c.oid::regclass::text || '.' || a.attname FROM pg_attribute a"
                            + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname IN ('public', 'aichatbot') AND c.relkind IN ('r', 'p', 'v', 'm')"
                            + " AND a.attnum > 0 AND NOT a.attisdropped"
                            + " AND a.attname IN ('password', 'token', 'dummy_hash')"
                            + " AND has_column_privilege('" + KioskRoles.KIOSK_GROUP + "', c.oid, a.attnum, 'SELECT')");
            collect(
                    s,
                    out,
                    "a view the kiosk reads with its owner's rights: ",
                    "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname IN ('public', 'aichatbot') AND c.relkind IN ('v', 'm')"
                            + " AND has_table_privilege('" + KioskRoles.KIOSK_GROUP + "', c.oid, 'SELECT')"
                            + " AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(c.reloptions, '{}')) o"
                            + "   WHERE o IN ('security_invoker=true', 'security_invoker=on', 'security_invoker=1'))");
            collect(
                    s,
                    out,
                    "the kiosk may create objects in schema ",
                    "SELECT n.nspname::text FROM pg_namespace n WHERE n.nspname IN ('public', 'aichatbot')"
                            + " AND has_schema_privilege('" + KioskRoles.KIOSK_GROUP + "', n.oid, 'CREATE')");
            collect(
                    s,
                    out,
                    "owned by the kiosk group: ",
                    "SELECT c.oid::regclass::text FROM pg_class c" + " WHERE c.relowner = '" + KioskRoles.KIOSK_GROUP
                            + "'::regrole");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return out;
    }

    private static void collect(Statement s, List<String> out, String rule, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rule + rs.getString(1));
        }
    }

    @Test
    void theMigratedSchemaKeepsEveryRule() {
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(2)) {
            assertThat(violations(roles.owner())).isEmpty();
        }
    }

    @Test
    void aMigrationThatForgetsARuleIsNamed() {
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(2)) {
            CommerceFixture owner = new CommerceFixture(roles.owner());
            // what a careless later migration might write
            owner.exec("CREATE FUNCTION public.careless_lookup(p text) RETURNS bigint LANGUAGE sql SECURITY DEFINER"
                    + " AS 'SELECT customer_id FROM public.tbl_customers WHERE email = p'");
            owner.exec("CREATE FUNCTION public.half_careful() RETURNS int LANGUAGE sql SECURITY DEFINER"
                    + " SET search_path = public AS 'SELECT 1'");
            owner.exec("REVOKE ALL ON FUNCTION public.half_careful() FROM PUBLIC");
            owner.exec("CREATE TABLE public.tbl_loyalty_card (card_no text PRIMARY KEY, customer_id bigint)");
            owner.exec("GRANT TRUNCATE ON tbl_cart TO " + KioskRoles.KIOSK_GROUP);
            owner.exec("GRANT SELECT (customer_id, password) ON tbl_customers TO " + KioskRoles.KIOSK_GROUP);
            owner.exec("CREATE VIEW public.v_customer_towns AS SELECT c.customer_id, a.city"
                    + " FROM tbl_customers c JOIN tbl_customer_address a USING (customer_id)");
            owner.exec("CREATE VIEW public.v_my_towns WITH (security_invoker = true) AS"
                    + " SELECT customer_id, city FROM tbl_customer_address");
            owner.exec("GRANT SELECT ON public.v_customer_towns, public.v_my_towns TO " + KioskRoles.KIOSK_GROUP);
            owner.exec("GRANT CREATE ON SCHEMA aichatbot TO " + KioskRoles.KIOSK_GROUP);

            assertThat(violations(roles.owner()))
                    .containsExactlyInAnyOrder(
                            "SECURITY DEFINER without a fixed search_path ending in pg_temp: careless_lookup(text)",
                            "SECURITY DEFINER without a fixed search_path ending in pg_temp: half_careful()",
                            "SECURITY DEFINER that PUBLIC may execute: careless_lookup(text)",
                            "customer rows without row-level security: tbl_loyalty_card",
                            "more than a kiosk needs: tbl_cart TRUNCATE",
                            "a secret the kiosk may read: tbl_customers.password",
                            "a view the kiosk reads with its owner's rights: v_customer_towns",
                            "the kiosk may create objects in schema aichatbot");
        }
    }
}

package com.shopassist.data.db;

import static com.shopassist.data.db.KioskSql.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.customer.Session;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in from kiosks, each a real kiosk login role (decision 0081): every outcome pays the same
 * one bcrypt, so neither the answer nor its time tells a locked or unknown account from a wrong
 * password; failures lock an account at one kiosk, and only failures from several lock it
 * everywhere.
 */
class KioskSignInIT extends SeededKioskStore {

    @Test
    void everySignInOutcomePaysExactlyOneBcrypt() throws SQLException {
        // pgcrypto's crypt() calls, counted per transaction by the server for this kiosk role here
        String database = kiosk.settings().jdbcUrl().replaceFirst(".*/", "");
        TestDatabase.asSuperuser(
                "ALTER ROLE " + TestDatabase.KIOSK_ROLE + " IN DATABASE " + database + " SET track_functions = 'all'");
        try (Database counted = Database.open(kiosk.settings(), 1)) {
            for (int i = 0; i < 5; i++) assertRefused(services, "ayu@example.com", "salah12345");
            Map<String, String[]> cases = new LinkedHashMap<>();
            cases.put("right password", new String[] {"made@example.com", "belanja123", "OK"});
            cases.put("wrong password", new String[] {"made@example.com", "salah12345", "BAD"});
            cases.put("unknown email", new String[] {"no.such.person@example.com", "belanja123", "BAD"});
            cases.put("not an email", new String[] {"not an email", "belanja123", "BAD"});
            cases.put("empty password", new String[] {"made@example.com", "", "BAD"});
            cases.put("73 bytes", new String[] {"made@example.com", "belanja123" + "x".repeat(63), "BAD"});
            cases.put("locked, right password", new String[] {"ayu@example.com", "belanja123", "BAD"});
            for (var e : cases.entrySet()) {
                assertThat(signIn(counted, e.getValue()[0], e.getValue()[1]))
                        .as(e.getKey())
                        .isEqualTo(new Counted(e.getValue()[2], 1));
            }
            fx.exec("INSERT INTO tbl_sign_in_failure (kiosk, customer_id)"
                    + " SELECT (SELECT kiosk FROM tbl_sign_in_failure LIMIT 1), NULL FROM generate_series(1, 20)");
            assertThat(signIn(counted, "made@example.com", "belanja123"))
                    .as("a throttled kiosk")
                    .isEqualTo(new Counted("THROTTLED", 1));
        } finally {
            TestDatabase.asSuperuser(
                    "ALTER ROLE " + TestDatabase.KIOSK_ROLE + " IN DATABASE " + database + " RESET track_functions");
        }
    }

    @Test
    void failuresAtOneKioskLockTheAccountThereButNotAtAnother() {
        for (int i = 0; i < 5; i++) assertRefused(services, "andi@example.com", "salah12345");
        assertRefused(services, "andi@example.com", "belanja123"); // locked here
        try (Database other = roles.otherKiosk(2)) {
            CommerceServices elsewhere = CommerceServices.create(other, Clock.systemUTC(), null);
            Session s = elsewhere.customers().login("andi@example.com", "belanja123".toCharArray());
            assertThat(s.customer().email()).isEqualTo("andi@example.com");
            elsewhere.customers().logout(s.token());
        }
    }

    @Test
    void failuresFromSeveralKiosksTogetherLockTheAccountEverywhere() {
        CommerceServices owner = CommerceServices.create(roles.owner(), Clock.systemUTC(), null);
        try (Database other = roles.otherKiosk(2)) {
            CommerceServices second = CommerceServices.create(other, Clock.systemUTC(), null);
            for (CommerceServices k : List.of(services, second, owner)) {
                for (int i = 0; i < 5; i++) assertRefused(k, "dewi@example.com", "salah12345");
            }
            assertThat(fx.queryLong("SELECT count(*) FROM tbl_sign_in_lock l JOIN tbl_customers c USING (customer_id)"
                            + " WHERE c.email = 'dewi@example.com' AND l.kiosk = '*' AND l.locked_until > now()"))
                    .isEqualTo(1);
        }
        fx.exec("DELETE FROM tbl_sign_in_lock WHERE kiosk <> '*'");
        assertRefused(services, "dewi@example.com", "belanja123");
    }

    record Counted(String outcome, long bcrypts) {}

    /** sign_in() as the kiosk calls it, and how many times crypt() ran for it. */
    private static Counted signIn(Database db, String email, String password) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                // the counts since the backend last reported its statistics: the call's are the difference
                long before = crypts(c);
                String outcome;
                try (PreparedStatement ps = c.prepareStatement("SELECT outcome FROM sign_in(?, ?, 3600)")) {
                    ps.setString(1, email);
                    ps.setString(2, password);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        outcome = rs.getString(1);
                    }
                }
                long calls = crypts(c) - before;
                c.commit();
                return new Counted(outcome, calls);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private static long crypts(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = 'crypt'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

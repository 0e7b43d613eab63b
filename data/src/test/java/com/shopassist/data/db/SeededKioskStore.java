package com.shopassist.data.db;

import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the kiosk-role tests share: a seeded database of their own, the owner's fixture, the
 * kiosk's services, and two demo customers. Each test starts with no session presented and no
 * sign-in failures counted (they all sign in from the same kiosk). Test classes run one after
 * another, each with its own database in these fields.
 */
abstract class SeededKioskStore {

    static TestDatabase.Roles roles;
    static Database kiosk;
    static CommerceFixture fx;
    static CommerceServices services;
    static long budi;
    static long siti;

    @BeforeAll
    static void openStore() {
        roles = TestDatabase.freshSeededWithKiosk(8);
        kiosk = roles.kiosk();
        fx = new CommerceFixture(roles.owner());
        services = CommerceServices.create(kiosk, Clock.systemUTC(), null);
        budi = fx.queryLong("SELECT customer_id FROM tbl_customers WHERE email = 'budi@example.com'");
        siti = fx.queryLong("SELECT customer_id FROM tbl_customers WHERE email = 'siti@example.com'");
    }

    @AfterAll
    static void closeStore() {
        roles.close();
    }

    @BeforeEach
    void noSessionAndNoThrottle() {
        kiosk.sessions().present(null);
        fx.exec("DELETE FROM tbl_sign_in_failure");
        fx.exec("DELETE FROM tbl_sign_in_lock");
    }

    static long ordersOf(long customerId) {
        return fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", customerId);
    }

    static void assertDenied(String sql) {
        KioskSql.assertDenied(kiosk, sql);
    }

    static long count(String sql) {
        return KioskSql.count(kiosk, sql);
    }
}

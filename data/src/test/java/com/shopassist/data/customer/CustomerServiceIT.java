package com.shopassist.data.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.AuthenticationException;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.customer.Registration;
import com.shopassist.core.customer.Session;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerServiceIT {

    static Database db;
    static CommerceFixture fx;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CustomerService customers;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        customers =
                CommerceServices.create(db, clock, CommerceSettings.defaults()).customers();
    }

    @AfterAll
    static void down() {
        db.close();
    }

    /** Every test signs in from the same kiosk: each starts with its failures forgotten. */
    @BeforeEach
    void forgetFailedSignIns() {
        fx.exec("DELETE FROM tbl_sign_in_failure");
        fx.exec("DELETE FROM tbl_sign_in_lock");
    }

    static Registration reg(String email, String password) {
        return new Registration("Test Person", email, password.toCharArray(), 30, "f", "+62 812 3456 789");
    }

    @Test
    void registeringStoresABcryptCost12HashAndALowerCaseEmail() {
        Customer c = customers.register(reg("  New.Person@Example.COM ", "rahasia123"));
        assertThat(c.email()).isEqualTo("new.person@example.com");
        assertThat(c.gender()).isEqualTo("F");
        String hash = fx.queryString("SELECT password FROM tbl_customers WHERE customer_id = ?", c.id());
        assertThat(hash).startsWith("$2a$12$").doesNotContain("rahasia123");
        assertThatThrownBy(() -> customers.register(reg("NEW.PERSON@example.com", "lain12345")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void passwordsOver72BytesAreRejectedNeverTruncated() {
        String seventyTwo = "a1" + "x".repeat(70);
        String seventyThree = seventyTwo + "y";
        assertThatThrownBy(() -> customers.register(reg("long73@example.com", seventyThree)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.getMessage()).contains("72");
                });
        // multi-byte: 25 three-byte characters are 75 bytes though only 25 characters
        assertThatThrownBy(() -> customers.register(reg("multibyte@example.com", "1" + "あ".repeat(25))))
                .isInstanceOf(ValidationException.class);
        Customer ok = customers.register(reg("long72@example.com", seventyTwo));
        assertThat(customers
                        .login("long72@example.com", seventyTwo.toCharArray())
                        .customer()
                        .id())
                .isEqualTo(ok.id());
        assertThatThrownBy(() -> customers.login("long72@example.com", seventyThree.toCharArray()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void weakPasswordsAndBadEmailsSayWhichFieldIsWrong() {
        assertThatThrownBy(() -> customers.register(reg("weak@example.com", "short1")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> customers.register(reg("weak@example.com", "onlyletters")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> customers.register(reg("weak@example.com", "1234567890")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("password"));
        for (String bad : new String[] {"no-at-sign", "a@b", "two@@example.com", "x@example..com", ""}) {
            assertThatThrownBy(() -> customers.register(reg(bad, "rahasia123")))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("email"));
        }
    }

    @Test
    void anAddressInTheReservedInvalidDomainIsRefusedSoNoShopperSharesTheLoadTestsOrErasedCustomers() {
        for (String reserved :
                new String[] {"anyone@loadtest.invalid", "Ani@LoadTest.INVALID", "x@anonymised.invalid"}) {
            assertThatThrownBy(() -> customers.register(reg(reserved, "rahasia123")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("email");
                        assertThat(e.reason()).isEqualTo("email.reserved");
                        assertThat(e.getMessage()).contains(".invalid is a reserved domain");
                    });
        }
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_customers WHERE email LIKE '%.invalid'"))
                .isZero();
        // a domain that merely contains the word is an address like any other
        assertThat(customers
                        .register(reg("ani@invalid-goods.co.id", "rahasia123"))
                        .email())
                .isEqualTo("ani@invalid-goods.co.id");
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheAccountButTheAnswerStaysTheSame() {
        customers.register(reg("lock@example.com", "benar12345"));
        for (int i = 0; i < 5; i++) {
            assertRefused("lock@example.com", "salah12345");
            ageSignIns(Duration.ofMinutes(2));
        }
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_sign_in_lock l JOIN tbl_customers c USING (customer_id)"
                        + " WHERE c.email = 'lock@example.com' AND l.locked_until > now()"))
                .isEqualTo(1);
        // locked: the right password gets the answer a wrong one gets
        assertRefused("lock@example.com", "benar12345");
        ageSignIns(Duration.ofMinutes(12).plusSeconds(30)); // locked at the 5th failure, 2 minutes ago
        assertRefused("lock@example.com", "benar12345");
        ageSignIns(Duration.ofSeconds(31));
        assertThat(customers
                        .login("lock@example.com", "benar12345".toCharArray())
                        .customer()
                        .email())
                .isEqualTo("lock@example.com");
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        customers.register(reg("slow@example.com", "benar12345"));
        for (int i = 0; i < 6; i++) {
            assertRefused("slow@example.com", "salah12345");
            ageSignIns(Duration.ofMinutes(4));
        }
        assertThat(customers.login("slow@example.com", "benar12345".toCharArray()))
                .isNotNull();
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        assertRefused("nobody@example.com", "whatever123");
        assertRefused("not an email", "whatever123");
    }

    @Test
    void wrongUnknownAndLockedSignInsEachRunExactlyOneBcryptOfTheSameCost() {
        customers.register(reg("timing@example.com", "benar12345"));
        customers.register(reg("timing.locked@example.com", "benar12345"));
        for (int i = 0; i < 5; i++) assertRefused("timing.locked@example.com", "salah12345");
        fx.exec("DELETE FROM tbl_sign_in_failure"); // the lock stays; the kiosk's count starts afresh

        // counted by the database, not timed: a path that skipped the bcrypt would count 0 here,
        // and wall-clock bounds flake on a shared machine
        assertThat(bcryptRunsOfOneSignIn("timing@example.com", "salah12345")).isEqualTo(1);
        assertThat(bcryptRunsOfOneSignIn("no.such.person@example.com", "salah12345"))
                .isEqualTo(1);
        assertThat(bcryptRunsOfOneSignIn("timing.locked@example.com", "benar12345"))
                .isEqualTo(1);
        assertThat(bcryptRunsOfOneSignIn("not an email", "")).isEqualTo(1);

        // the unknown email's bcrypt runs against a hash of the same cost as an account's
        assertThat(fx.queryString("SELECT left(dummy_hash, 7) FROM tbl_sign_in_policy"))
                .isEqualTo(fx.queryString(
                        "SELECT left(password, 7) FROM tbl_customers WHERE email = ?", "timing@example.com"))
                .isEqualTo("$2a$12$");
    }

    @Test
    void aKioskThatFailsTwentyTimesIsThrottledWhateverTheAccount() {
        customers.register(reg("spray.target@example.com", "benar12345"));
        for (int i = 0; i < 20; i++) assertRefused("spray" + i + "@example.com", "salah12345");
        assertThatThrownBy(() -> customers.login("spray.target@example.com", "benar12345".toCharArray()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.code()).isEqualTo("SIGN_IN_THROTTLED");
                    assertThat(e.retryAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(14)));
                });
        ageSignIns(Duration.ofMinutes(16));
        assertThat(customers.login("spray.target@example.com", "benar12345".toCharArray()))
                .isNotNull();
    }

    @Test
    void sessionsResolveUntilTheyExpireOrAreLoggedOut() {
        customers.register(reg("session@example.com", "benar12345"));
        Session session = customers.login("SESSION@example.com", "benar12345".toCharArray());
        assertThat(customers.customerForToken(session.token()).orElseThrow().email())
                .isEqualTo("session@example.com");
        String stored = fx.queryString(
                "SELECT token FROM tbl_customer_session WHERE customer_id = ?",
                session.customer().id());
        assertThat(stored)
                .hasSize(64)
                .isNotEqualTo(session.token())
                .isEqualTo(com.shopassist.core.customer.DefaultCustomerService.digest(session.token()));
        assertThat(session.expiresAt())
                .isBetween(
                        java.time.Instant.now().plus(Duration.ofHours(11)),
                        java.time.Instant.now().plus(Duration.ofHours(13)));
        assertThat(customers.customerForToken("forged-token")).isEmpty();

        fx.exec("UPDATE tbl_customer_session SET created_at = now() - interval '13 hours',"
                + " expires_at = now() - interval '1 hour' WHERE token = '" + stored + "'");
        assertThat(customers.customerForToken(session.token())).isEmpty();

        Session second = customers.login("session@example.com", "benar12345".toCharArray());
        customers.logout(second.token());
        assertThat(customers.customerForToken(second.token())).isEmpty();
    }

    private static void assertRefused(String email, String password) {
        assertThatThrownBy(() -> customers.login(email, password.toCharArray()))
                .isInstanceOfSatisfying(
                        AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("BAD_CREDENTIALS"));
    }

    /** Sign-in counts in the database's time: moves every failure and lock back by {@code d}. */
    private static void ageSignIns(Duration d) {
        String by = "interval '" + d.toSeconds() + " seconds'";
        fx.exec("UPDATE tbl_sign_in_failure SET failed_at = failed_at - " + by);
        fx.exec("UPDATE tbl_sign_in_lock SET locked_until = locked_until - " + by);
    }

    /**
     * How many times one refused sign-in ran pgcrypto's {@code crypt()} (the bcrypt), read from the
     * function statistics of its own transaction.
     */
    private static long bcryptRunsOfOneSignIn(String email, String password) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL track_functions = 'all'"); // C functions too: crypt() is one
            }
            // the backend's counts since it last reported them may include an earlier transaction's:
            // what this sign-in adds is the difference, read inside one transaction
            long before = cryptCalls(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT outcome FROM sign_in(?, ?, 3600)")) {
                ps.setString(1, email);
                ps.setString(2, password);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).as("the answer to " + email).isEqualTo("BAD");
                }
            }
            long runs = cryptCalls(c) - before;
            c.commit();
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long cryptCalls(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(pg_stat_get_xact_function_calls("
                        + "'public.crypt(text, text)'::regprocedure), 0)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void addressesAreListedAndFoundByLabelIgnoringCaseAndAccents() {
        Customer c = customers.register(reg("address@example.com", "benar12345"));
        customers.addAddress(
                c.id(),
                new Address(
                        0, 0, "Rumah", "Ani", null, "Jl. Melati 5", "Bandung", null, "40111", null, null, null, false));
        customers.addAddress(
                c.id(),
                new Address(
                        0,
                        0,
                        "Kantór",
                        null,
                        null,
                        "Jl. Asia Afrika 8",
                        "Bandung",
                        null,
                        null,
                        null,
                        null,
                        null,
                        true));
        assertThat(customers.addresses(c.id())).hasSize(2);
        assertThat(customers.addresses(c.id()).get(0).label()).isEqualTo("Kantór");
        assertThat(customers.addressByLabel(c.id(), "rumah").orElseThrow().city())
                .isEqualTo("Bandung");
        assertThat(customers.addressByLabel(c.id(), "KANTOR")).isPresent();
        assertThat(customers.addressByLabel(c.id(), "gudang")).isEmpty();
        assertThatThrownBy(() -> customers.addAddress(
                        c.id(), new Address(0, 0, "RUMAH", null, null, "x", "y", null, null, null, null, null, false)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("label"));
    }

    @Test
    void racingAddressAddsLeaveExactlyOneDefaultAddress() throws Exception {
        Customer c = customers.register(reg("race.address@example.com", "benar12345"));
        int threads = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Address>>();
            for (int i = 0; i < threads; i++) {
                // half ask to be the default, half are "first address" candidates that become it
                boolean asDefault = i % 2 == 0;
                String label = "Alamat " + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return customers.addAddress(
                            c.id(),
                            new Address(
                                    0,
                                    0,
                                    label,
                                    null,
                                    null,
                                    "Jl. Mawar " + label,
                                    "Depok",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    asDefault));
                }));
            }
            start.countDown();
            for (var f : futures) f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(customers.addresses(c.id())).hasSize(threads);
        assertThat(customers.addresses(c.id()).stream().filter(Address::isDefault))
                .hasSize(1);
    }

    @Test
    void theDatabaseItselfRefusesASecondDefaultAddress() throws Exception {
        Customer c = customers.register(reg("two.defaults@example.com", "benar12345"));
        customers.addAddress(
                c.id(),
                new Address(0, 0, "Rumah", null, null, "Jl. Melati 5", "Bogor", null, null, null, null, null, true));
        try (var conn = db.dataSource().getConnection();
                var st = conn.prepareStatement(
                        "INSERT INTO tbl_customer_address"
                                + " (customer_id, label, street_address, city, is_default) VALUES (?, 'Kantor', 'x', 'y', TRUE)")) {
            st.setLong(1, c.id());
            assertThatThrownBy(st::executeUpdate)
                    .isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("ux_customer_address_one_default");
        }
    }

    @Test
    void clerksFindCustomersByEmailOrPartOfTheName() {
        fx.customer("Wulan Sari", "wulan@example.com");
        fx.customer("Wulandari Putri", "wp@example.com");
        assertThat(customers.lookup("WULAN@example.com", 5))
                .extracting(Customer::fullName)
                .containsExactly("Wulan Sari");
        assertThat(customers.lookup("wulan", 5))
                .extracting(Customer::fullName)
                .contains("Wulan Sari", "Wulandari Putri");
        assertThat(customers.lookup("100%_", 5)).isEmpty();
        assertThat(customers.lookup("", 5)).isEmpty();
    }
}

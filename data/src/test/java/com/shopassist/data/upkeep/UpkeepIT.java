package com.shopassist.data.upkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.upkeep.UpkeepReport;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store's upkeep against PostgreSQL: what one run removes, and one kiosk at a time. */
class UpkeepIT {

    static Database db;
    static CommerceFixture fx;
    static long category;
    static long customer;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(6);
        fx = new CommerceFixture(db);
        category = fx.category("Upkeep", null);
        customer = fx.customer("Yudi Upkeep", "yudi@example.com");
    }

    @AfterAll
    static void down() {
        db.close();
    }

    /** A sign-in session that ends {@code endsIn} from now (negative: already ended). */
    static long session(Duration endsIn, boolean revoked) {
        Instant end = Instant.now().plus(endsIn);
        return fx.queryLong(
                "INSERT INTO tbl_customer_session (customer_id, token, created_at, expires_at, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING session_id",
                customer,
                UUID.randomUUID().toString(),
                Timestamp.from(end.minus(Duration.ofHours(12))),
                Timestamp.from(end),
                revoked ? Timestamp.from(Instant.now()) : null);
    }

    /** A session signed out {@code ago}, which would otherwise still run. */
    static long signedOut(Duration ago) {
        Instant revoked = Instant.now().minus(ago);
        return fx.queryLong(
                "INSERT INTO tbl_customer_session (customer_id, token, created_at, expires_at, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING session_id",
                customer,
                UUID.randomUUID().toString(),
                Timestamp.from(revoked.minus(Duration.ofHours(1))),
                Timestamp.from(Instant.now().plus(Duration.ofHours(5))),
                Timestamp.from(revoked));
    }

    static boolean sessionExists(long id) {
        return fx.queryLong("SELECT count(*) FROM tbl_customer_session WHERE session_id = ?", id) == 1;
    }

    static UUID guestChat(Instant at) {
        UUID id = UUID.randomUUID();
        fx.queryLong(
                "INSERT INTO aichatbot.chat_session (chat_session_id, guest_key, created_at, updated_at)"
                        + " VALUES (?, 'kiosk-upkeep', ?, ?)",
                id,
                Timestamp.from(at),
                Timestamp.from(at));
        fx.queryLong(
                "INSERT INTO aichatbot.chat_details (chat_session_id, role, chat_content, created_at)"
                        + " VALUES (?, 'user', 'hello', ?)",
                id,
                Timestamp.from(at));
        return id;
    }

    static boolean chatExists(UUID id) {
        return fx.queryLong("SELECT count(*) FROM aichatbot.chat_session WHERE chat_session_id = ?", id) == 1;
    }

    static CommerceServices services(MutableClock clock) {
        return CommerceServices.create(db, clock, CommerceSettings.defaults().withHoldMinutes(10));
    }

    @Test
    void oneRunPurgesOldGuestChatsDeletesSessionsEndedAMonthAgoAndSweepsExpiredHolds() {
        MutableClock clock = MutableClock.at(Instant.now().toString());
        CommerceServices s = services(clock);
        UUID oldGuest = guestChat(Instant.now().minus(Duration.ofDays(91)));
        UUID youngGuest = guestChat(Instant.now().minus(Duration.ofDays(3)));
        long expired = session(Duration.ofDays(-31), false);
        long signedOut = signedOut(Duration.ofDays(31));
        // ended sessions are kept 30 days: a kiosk's changes waiting for them may still leave a notice (0087)
        long justExpired = session(Duration.ofHours(-1), false);
        long justSignedOut = session(Duration.ofHours(5), true);
        long live = session(Duration.ofHours(5), false);
        long p = fx.product(category, "Held Too Long", "Brand", 10_000, 5);
        s.carts().add(CartOwner.guest("upkeep-cart"), p, 2);
        clock.advance(Duration.ofMinutes(11));

        UpkeepReport r = s.upkeep().runOnce();

        assertThat(r.ran()).isTrue();
        assertThat(r.guestChatsDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(r.sessionsDeleted()).isGreaterThanOrEqualTo(2);
        assertThat(r.holdsSwept()).isGreaterThanOrEqualTo(1);
        assertThat(chatExists(oldGuest)).isFalse();
        assertThat(chatExists(youngGuest)).isTrue();
        assertThat(sessionExists(expired)).isFalse();
        assertThat(sessionExists(signedOut)).isFalse();
        assertThat(sessionExists(justExpired)).isTrue();
        assertThat(sessionExists(justSignedOut)).isTrue();
        assertThat(sessionExists(live)).isTrue();
        assertThat(fx.reservedOf(p)).isZero();
        assertThat(fx.movements(p, "EXPIRE")).isEqualTo(1);
    }

    @Test
    void whileAnotherKioskHoldsTheLockARunSkipsAndChangesNothing() throws Exception {
        CommerceServices s = services(MutableClock.at(Instant.now().toString()));
        long expired = session(Duration.ofDays(-31), false);
        try (Connection other = db.dataSource().getConnection()) {
            assertThat(lock(other, "pg_try_advisory_lock")).isTrue();

            UpkeepReport skipped = s.upkeep().runOnce();

            assertThat(skipped.ran()).isFalse();
            assertThat(sessionExists(expired)).isTrue();
            assertThat(lock(other, "pg_advisory_unlock")).isTrue();
        }

        assertThat(s.upkeep().runOnce().ran()).isTrue();
        assertThat(sessionExists(expired)).isFalse();
    }

    @Test
    void ofTwoConcurrentRunsOnlyOneDoesTheWork() throws Exception {
        CommerceServices kioskA = services(MutableClock.at(Instant.now().toString()));
        CommerceServices kioskB = services(MutableClock.at(Instant.now().toString()));
        long expired = session(Duration.ofDays(-31), false);
        CompletableFuture<UpkeepReport> first;
        try (Connection blocker = db.dataSource().getConnection()) {
            // kiosk A takes the upkeep lock and then waits on this row lock, mid-run
            blocker.setAutoCommit(false);
            try (PreparedStatement ps = blocker.prepareStatement(
                    "SELECT session_id FROM tbl_customer_session WHERE session_id = ? FOR UPDATE")) {
                ps.setLong(1, expired);
                ps.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> kioskA.upkeep().runOnce());
            awaitAWaitingStatement();

            UpkeepReport second = kioskB.upkeep().runOnce();

            assertThat(second.ran()).isFalse();
            assertThat(first).isNotDone();
            blocker.commit();
        }
        UpkeepReport done = first.get(30, TimeUnit.SECONDS);
        assertThat(done.ran()).isTrue();
        assertThat(done.sessionsDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(sessionExists(expired)).isFalse();
        assertThat(fx.queryLong("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
                .as("the lock is given back")
                .isZero();
    }

    @Test
    void aRunThatFailsGivesTheLockBack() {
        PgUpkeepLock lock = new PgUpkeepLock(db.dataSource());

        assertThatThrownBy(() -> lock.tryExclusively(() -> {
                    throw new IllegalStateException("the purge failed");
                }))
                .hasMessage("the purge failed");

        assertThat(lock.tryExclusively(() -> "ran again")).contains("ran again");
        assertThat(fx.queryLong("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
                .isZero();
    }

    static boolean lock(Connection c, String function) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, PgUpkeepLock.KEY);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void awaitAWaitingStatement() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (var rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
                    rs.next();
                    if (rs.getLong(1) > 0) return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("kiosk A never reached the locked row");
    }
}

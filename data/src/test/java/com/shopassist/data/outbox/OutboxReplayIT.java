package com.shopassist.data.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.money.Money;
import com.shopassist.core.outbox.CartChange;
import com.shopassist.core.outbox.ChangeOutcome;
import com.shopassist.core.outbox.LastKnownCart;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.outbox.OutboxRepository;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kiosk's cart outbox on real PostgreSQL: the store's database and the kiosk's local one are two
 * embedded servers. Changes made offline show in the cart at once, replay exactly once when the
 * store is back, and every conflict ends with something the shopper is told.
 */
class OutboxReplayIT {

    static final java.util.concurrent.atomic.AtomicInteger KIOSKS = new java.util.concurrent.atomic.AtomicInteger();
    static Database shared;
    static CommerceFixture fx;
    static long category;
    final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    Database local;
    TestKiosk kiosk;
    CommerceServices elsewhere; // another kiosk, online all along

    @BeforeAll
    static void store() {
        shared = TestDatabase.fresh(16);
        fx = new CommerceFixture(shared);
        category = fx.category("Kitchen", "Dapur");
    }

    @AfterAll
    static void closeStore() {
        shared.close();
    }

    @BeforeEach
    void kiosk() {
        local = KioskDatabases.freshLocal();
        kiosk = new TestKiosk(shared, local, clock, "kiosk-a" + KIOSKS.incrementAndGet(), OfflineCheckout.QUEUE);
        elsewhere = CommerceServices.create(shared, clock, CommerceSettings.defaults(), "kiosk-b");
    }

    @AfterEach
    void closeKiosk() {
        local.close();
    }

    /** Products written to the store, then the kiosk's replica refreshed. */
    long product(String name, long price, int stock) {
        long id = fx.product(category, name, "Brand", price, stock);
        KioskDatabases.copyCatalog(shared, local);
        kiosk.replica.catalogChanged();
        return id;
    }

    CartOwner customer(String name) {
        return CartOwner.customer(fx.customer(name, name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com"));
    }

    static Map<Long, Integer> quantities(Cart cart) {
        return cart.lines().stream().collect(Collectors.toMap(CartLine::productId, CartLine::quantity));
    }

    long applied() {
        return fx.queryLong("SELECT count(*) FROM tbl_cart_change_applied WHERE kiosk_id = ?", kiosk.kioskId);
    }

    @Test
    void changesMadeOfflineShowAtOnceAndReplayOnceWhenTheStoreIsBack() {
        long kettle = product("Kettle", 300_000, 10);
        long pan = product("Pan", 200_000, 10);
        CartOwner siti = customer("Siti");
        kiosk.carts.add(siti, kettle, 2); // online: the store's cart

        kiosk.offline();
        Cart seen = kiosk.carts.add(siti, pan, 1);
        seen = kiosk.carts.setQuantity(siti, kettle, 3);

        assertThat(quantities(seen)).isEqualTo(Map.of(kettle, 3, pan, 1));
        assertThat(seen.total()).isEqualTo(Money.of(3 * 300_000 + 200_000));
        assertThat(kiosk.outbox.pendingCount()).isEqualTo(2);
        assertThat(quantities(elsewhere.carts().cart(siti))).isEqualTo(Map.of(kettle, 2)); // nothing sent yet
        assertThat(fx.reservedOf(pan)).isZero();

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.waiting()).isZero();
        assertThat(report.applied()).isEqualTo(3); // the two changes and the holds checked again
        assertThat(quantities(elsewhere.carts().cart(siti))).isEqualTo(Map.of(kettle, 3, pan, 1));
        assertThat(fx.reservedOf(kettle)).isEqualTo(3);
        assertThat(fx.reservedOf(pan)).isEqualTo(1);
        assertThat(applied()).isEqualTo(3);

        ReplayReport again = kiosk.outbox.replay();
        assertThat(again.replayed()).isZero();
        assertThat(fx.reservedOf(kettle)).isEqualTo(3);
        assertThat(applied()).isEqualTo(3);
        assertThat(kiosk.carts.cart(siti).lines()).hasSize(2); // read from the store again
    }

    @Test
    void aChangeCommittedByTheStoreButNotMarkedHereIsRecognisedByItsIdAfterARestart() {
        long mug = product("Mug", 50_000, 10);
        CartOwner guest = CartOwner.guest("kiosk-a-guest-" + UUID.randomUUID());
        kiosk.offline();
        kiosk.carts.add(guest, mug, 2);
        kiosk.carts.add(guest, mug, 1);

        // the kiosk dies right after the store committed the first change, before marking it here
        OutboxRepository dying = new MarkingFails(kiosk.outboxRows);
        Outbox beforeTheCrash = new Outbox(dying, kiosk.replayer, Runnable::run, clock);
        assertThatThrownBy(beforeTheCrash::replay).hasMessageContaining("killed");
        assertThat(fx.reservedOf(mug)).isEqualTo(2);
        assertThat(kiosk.outbox.pendingCount()).isEqualTo(2); // both adds still wait here

        ReplayReport afterRestart = new Outbox(kiosk.outboxRows, kiosk.replayer, Runnable::run, clock).replay();

        assertThat(afterRestart.waiting()).isZero();
        assertThat(fx.reservedOf(mug)).isEqualTo(3); // 2 + 1, the first add not applied twice
        assertThat(fx.movements(mug, "HOLD")).isEqualTo(2);
        assertThat(quantities(elsewhere.carts().cart(guest))).isEqualTo(Map.of(mug, 3));
    }

    @Test
    void stockGoneWhileOfflineKeepsTheLineAtQuantityZeroWithANoteAndNoOversell() {
        long toaster = product("Toaster", 250_000, 2);
        CartOwner budi = customer("Budi");
        kiosk.offline();
        kiosk.carts.add(budi, toaster, 2);
        elsewhere.carts().add(CartOwner.guest("kiosk-b-" + UUID.randomUUID()), toaster, 2); // sold out meanwhile

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.adjusted()).isEqualTo(1);
        Cart cart = kiosk.carts.cart(budi);
        assertThat(cart.lines()).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo(toaster);
            assertThat(l.quantity()).isZero();
            assertThat(l.lineTotal()).isEqualTo(Money.ZERO);
        });
        assertThat(cart.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.UNAVAILABLE);
            assertThat(n.productName()).isEqualTo("Toaster");
            assertThat(n.requested()).isEqualTo(2);
        });
        assertThat(cart.isEmpty()).isTrue();
        assertThat(cart.total()).isEqualTo(Money.ZERO);
        assertThat(fx.reservedOf(toaster)).isEqualTo(2); // the other shopper's, nothing more
        assertThat(fx.stockOf(toaster)).isEqualTo(2);

        // removing the line forgets its note
        Cart removed = kiosk.carts.remove(budi, toaster);
        assertThat(removed.lines()).isEmpty();
        assertThat(removed.notices()).isEmpty();
    }

    @Test
    void fewerUnitsThanAskedKeepWhatThereIsAndSaySo() {
        long blender = product("Blender", 600_000, 5);
        CartOwner ani = customer("Ani");
        kiosk.offline();
        kiosk.carts.add(ani, blender, 4);
        elsewhere.carts().add(CartOwner.guest("kiosk-b-" + UUID.randomUUID()), blender, 3);

        kiosk.online();
        kiosk.outbox.replay();

        Cart cart = kiosk.carts.cart(ani);
        assertThat(quantities(cart)).isEqualTo(Map.of(blender, 2));
        assertThat(cart.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.SHORT);
            assertThat(n.requested()).isEqualTo(4);
            assertThat(n.kept()).isEqualTo(2);
        });
        assertThat(fx.reservedOf(blender)).isEqualTo(5);
    }

    @Test
    void aPriceThatChangedWhileOfflineIsToldAndTheStoresPriceCounts() {
        long rice = product("Rice Cooker", 750_000, 10);
        CartOwner rina = customer("Rina");
        kiosk.offline();
        Cart seen = kiosk.carts.add(rina, rice, 1);
        assertThat(seen.total()).isEqualTo(Money.of(750_000));
        fx.exec("UPDATE tbl_product SET retail_price = 800000 WHERE product_id = " + rice);
        elsewhere.catalogChanged();

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.adjusted()).isEqualTo(1);
        Cart cart = kiosk.carts.cart(rina);
        assertThat(cart.total()).isEqualTo(Money.of(800_000));
        assertThat(cart.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.PRICE_CHANGED);
            assertThat(n.priceSeen()).isEqualTo(Money.of(750_000));
            assertThat(n.priceNow()).isEqualTo(Money.of(800_000));
            assertThat(n.message()).contains("Rp 750.000").contains("Rp 800.000");
        });

        Cart dismissed = kiosk.carts.dismissNotices(rina);
        assertThat(dismissed.notices()).isEmpty();
        assertThat(quantities(dismissed)).isEqualTo(Map.of(rice, 1));
    }

    @Test
    void aVoucherThatExpiredWhileOfflineIsToldAndNotApplied() {
        long phone = product("Phone", 2_500_000, 10);
        Instant now = clock.instant();
        String code = "ENDS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        fx.voucher(code, "PERCENT", 10, 0, null, null, now.minusSeconds(3600), now.plus(Duration.ofMinutes(10)), true);
        KioskDatabases.copyCatalog(shared, local);
        CartOwner dewi = customer("Dewi");
        kiosk.carts.add(dewi, phone, 1);

        kiosk.offline();
        Cart seen = kiosk.carts.applyVoucher(dewi, code);
        assertThat(seen.voucherCode()).isEqualTo(code);
        assertThat(seen.total()).isEqualTo(Money.of(2_250_000));
        clock.advance(Duration.ofMinutes(11)); // the voucher ends before the store is back

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.rejected()).isEqualTo(1);
        Cart cart = kiosk.carts.cart(dewi);
        assertThat(cart.voucherCode()).isNull();
        assertThat(cart.total()).isEqualTo(Money.of(2_500_000));
        assertThat(cart.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.VOUCHER_REJECTED);
            assertThat(n.voucherCode()).isEqualTo(code);
            assertThat(n.reason()).isEqualTo("EXPIRED");
        });
    }

    @Test
    void aQueuedAddOfAProductTheStoreDoesNotHaveIsRefusedAndLeavesNoEmptyCartRow() {
        long ghost = 900_000_000L + System.nanoTime() % 1000;
        KioskDatabases.copyCatalog(shared, local);
        // known to the replica only (a product the store never had)
        try (var c = local.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("INSERT INTO tbl_product (product_id, product_category_id, sku, product_name, product_brand,"
                    + " retail_price, department, description, stock_quantity) SELECT " + ghost
                    + ", product_category_id, 'GHOST-" + ghost + "', 'Ghost', 'X', 1000, 'General', '', 5"
                    + " FROM tbl_product_category LIMIT 1");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        kiosk.replica.catalogChanged();
        CartOwner guest = CartOwner.guest("kiosk-a-ghost-" + UUID.randomUUID());
        kiosk.offline();
        assertThat(quantities(kiosk.carts.add(guest, ghost, 1))).isEqualTo(Map.of(ghost, 1));

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.waiting()).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_cart WHERE guest_key = ?", guest.guestKey()))
                .isZero();
    }

    @Test
    void offlineTheKioskStillRefusesWhatItKnowsIsWrong() {
        long jug = product("Jug", 80_000, 3);
        CartOwner guest = CartOwner.guest("kiosk-a-checks-" + UUID.randomUUID());
        kiosk.offline();

        assertThatThrownBy(() -> kiosk.carts.add(guest, 123_456_789L, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kiosk.carts.add(guest, jug, 4))
                .isInstanceOfSatisfying(
                        InsufficientStockException.class,
                        e -> assertThat(e.available()).isEqualTo(3));
        assertThat(kiosk.outbox.pendingCount()).isZero();
    }

    @Test
    void aLongOutageGivesTheHeldStockBackAndTheReplayHoldsItAgain() {
        long wok = product("Wok", 400_000, 5);
        long spoon = product("Spoon", 10_000, 50);
        CartOwner joko = customer("Joko");
        kiosk.carts.add(joko, wok, 3); // held online

        kiosk.offline();
        kiosk.carts.add(joko, spoon, 2);
        clock.advance(Duration.ofMinutes(31)); // the outage outlasts the holds
        assertThat(fx.liveHeld(wok, clock.instant())).isZero(); // given back to the shelf
        elsewhere.carts().add(CartOwner.guest("kiosk-b-" + UUID.randomUUID()), wok, 4); // and sold on

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.waiting()).isZero();
        Cart cart = kiosk.carts.cart(joko);
        assertThat(quantities(cart)).isEqualTo(Map.of(wok, 1, spoon, 2));
        assertThat(cart.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.SHORT);
            assertThat(n.productId()).isEqualTo(wok);
            assertThat(n.requested()).isEqualTo(3);
            assertThat(n.kept()).isEqualTo(1);
        });
        assertThat(fx.liveHeld(wok, clock.instant())).isEqualTo(5); // never more than the stock
        assertThat(fx.liveHeld(spoon, clock.instant())).isEqualTo(2);
    }

    @Test
    void afterALongOutageLinesWithStockLeftAreHeldAgainWhole() {
        long lamp = product("Lamp", 150_000, 10);
        long bulb = product("Bulb", 20_000, 10);
        CartOwner eka = customer("Eka");
        kiosk.carts.add(eka, lamp, 2);

        kiosk.offline();
        kiosk.carts.add(eka, bulb, 1);
        clock.advance(Duration.ofMinutes(45));
        assertThat(fx.liveHeld(lamp, clock.instant())).isZero();

        kiosk.online();
        kiosk.outbox.replay();

        assertThat(fx.liveHeld(lamp, clock.instant())).isEqualTo(2);
        assertThat(kiosk.carts.cart(eka).notices()).isEmpty();
    }

    @Test
    void leavingTheKioskOfflineReleasesOnReplayOnlyWhatThisKioskHeld() {
        long fan = product("Fan", 350_000, 10);
        long iron = product("Iron", 250_000, 10);
        CartOwner putri = customer("Putri");
        kiosk.carts.add(putri, fan, 1); // kiosk A
        elsewhere.carts().add(putri, iron, 1); // kiosk B, the same customer

        kiosk.offline();
        kiosk.carts.releaseHolds(putri); // kiosk A's idle reset while offline
        kiosk.online();
        kiosk.outbox.replay();

        assertThat(fx.liveHeld(fan, clock.instant())).isZero();
        assertThat(fx.liveHeld(iron, clock.instant())).isEqualTo(1);
        // the departure is the owner's last change: the replay does not hold the lines again
        assertThat(fx.queryLong(
                        "SELECT count(*) FROM tbl_cart_change_applied WHERE kind = 'HOLD_AGAIN' AND kiosk_id = ?",
                        kiosk.kioskId))
                .isZero();
    }

    @Test
    void theFirstChangeAfterTheCutIsQueuedNotAnErrorAndCannotDoubleIfItHadCommitted() {
        long bowl = product("Bowl", 30_000, 20);
        CartOwner guest = CartOwner.guest("kiosk-a-cut-" + UUID.randomUUID());
        // a kiosk whose pool to the store is about to go
        Database doomed = Database.open(shared.settings(), 2);
        TestKiosk cut = new TestKiosk(doomed, local, clock, kiosk.kioskId, OfflineCheckout.QUEUE);
        cut.carts.add(guest, bowl, 2); // online: the store has 2
        doomed.close(); // the network goes; the kiosk has not noticed yet

        Cart seen = cut.carts.add(guest, bowl, 1);

        assertThat(quantities(seen)).isEqualTo(Map.of(bowl, 3));
        List<CartChange> waiting = cut.outbox.pendingOf(guest);
        assertThat(waiting).singleElement().satisfies(c -> {
            assertThat(c.kind())
                    .isEqualTo(CartChange.Kind.SET_QUANTITY); // what the shopper sees, whichever way it went
            assertThat(c.quantity()).isEqualTo(3);
        });

        kiosk.online(); // a restarted kiosk over the same local outbox
        kiosk.outbox.replay();
        assertThat(quantities(elsewhere.carts().cart(guest))).isEqualTo(Map.of(bowl, 3));
        assertThat(fx.reservedOf(bowl)).isEqualTo(3);
    }

    @Test
    void aRecordedOutcomeIsReadBackByTheChangeId() {
        UUID id = UUID.randomUUID();
        StoreRepositories r = kiosk.store.repositories();
        kiosk.store
                .transactions()
                .run(() -> r.appliedChanges()
                        .record(
                                id,
                                CartChange.Kind.CHECKOUT,
                                ChangeOutcome.orderPlaced("SA-1"),
                                "kiosk-a",
                                clock.instant()));

        assertThat(r.appliedChanges().find(id)).contains(ChangeOutcome.orderPlaced("SA-1"));
        assertThatThrownBy(() -> kiosk.store
                        .transactions()
                        .run(() -> r.appliedChanges()
                                .record(
                                        id,
                                        CartChange.Kind.CHECKOUT,
                                        ChangeOutcome.APPLIED,
                                        "kiosk-a",
                                        clock.instant())))
                .isInstanceOf(com.shopassist.core.outbox.ChangeAlreadyAppliedException.class);
    }

    @Test
    void aReplayedLineChangeWaitsForTheDiskWhenItCommitsUnlikeAShoppersOwn() {
        long cup = product("Cup", 20_000, 10);
        CartOwner guest = CartOwner.guest("kiosk-a-durable-" + UUID.randomUUID());
        var settings = shared.mapper(com.shopassist.data.cart.CartMapper.class);
        String[] seen = new String[2];
        kiosk.store.transactions().run(() -> {
            kiosk.store.carts().addAtMost(guest, cup, 1); // a line change: the cart lets it skip the flush (0051)
            seen[0] = settings.synchronousCommit();
            kiosk.store
                    .repositories()
                    .appliedChanges()
                    .record(
                            UUID.randomUUID(),
                            CartChange.Kind.ADD,
                            ChangeOutcome.APPLIED,
                            kiosk.kioskId,
                            clock.instant());
            seen[1] = settings.synchronousCommit();
        });
        assertThat(seen[0]).isEqualTo("off");
        assertThat(seen[1]).as("the kiosk forgets a change once this commits").isEqualTo("on");
    }

    @Test
    void aRoleThatIsNotTheOwnerCannotRewriteOrRemoveAppliedChangesEvenWithAGrant() throws Exception {
        UUID id = UUID.randomUUID();
        kiosk.store
                .transactions()
                .run(() -> kiosk.store
                        .repositories()
                        .appliedChanges()
                        .record(id, CartChange.Kind.ADD, ChangeOutcome.APPLIED, "kiosk-a", clock.instant()));
        String role = "outbox_kiosk_" + ProcessHandle.current().pid();
        fx.exec("CREATE ROLE " + role + " LOGIN");
        try {
            fx.exec("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON tbl_cart_change_applied TO " + role);
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", role);
            try (var c = java.sql.DriverManager.getConnection(shared.settings().jdbcUrl(), p);
                    var s = c.createStatement()) {
                for (String sql : List.of(
                        "UPDATE tbl_cart_change_applied SET outcome = 'REJECTED'",
                        "DELETE FROM tbl_cart_change_applied",
                        "TRUNCATE tbl_cart_change_applied")) {
                    assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("kept as written");
                }
                // inserting is what a kiosk does
                s.execute("INSERT INTO tbl_cart_change_applied (change_id, kind, outcome, applied_at)"
                        + " VALUES (gen_random_uuid(), 'ADD', 'APPLIED', now())");
            }
        } finally {
            fx.exec("DROP OWNED BY " + role);
            fx.exec("DROP ROLE " + role);
        }
        assertThat(kiosk.store.repositories().appliedChanges().find(id)).contains(ChangeOutcome.APPLIED);
    }

    /** An outbox whose kiosk is killed right after the store committed a change, before it is marked here. */
    static final class MarkingFails implements OutboxRepository {
        private final OutboxRepository real;

        MarkingFails(OutboxRepository real) {
            this.real = real;
        }

        @Override
        public void markDone(UUID changeId, ChangeOutcome outcome, Instant at, LastKnownCart baseAfter) {
            throw new IllegalStateException("killed between the store's commit and marking the change here");
        }

        @Override
        public void append(CartChange change, LastKnownCart base) {
            real.append(change, base);
        }

        @Override
        public List<CartChange> pending(int limit) {
            return real.pending(limit);
        }

        @Override
        public List<CartChange> parkedFirst() {
            return real.parkedFirst();
        }

        @Override
        public int park(CartOwner owner, String reason, Instant at) {
            return real.park(owner, reason, at);
        }

        @Override
        public void forgetSessions(CartOwner owner) {
            real.forgetSessions(owner);
        }

        @Override
        public void unpark(CartOwner owner) {
            real.unpark(owner);
        }

        @Override
        public List<CartChange> pendingOf(CartOwner owner) {
            return real.pendingOf(owner);
        }

        @Override
        public boolean hasPending(CartOwner owner) {
            return real.hasPending(owner);
        }

        @Override
        public int pendingCount() {
            return real.pendingCount();
        }

        @Override
        public Optional<LastKnownCart> base(CartOwner owner) {
            return real.base(owner);
        }

        @Override
        public Map<CartOwner, CartChange> latestPending() {
            return real.latestPending();
        }

        @Override
        public int recordFailure(UUID changeId, String error) {
            return real.recordFailure(changeId, error);
        }

        @Override
        public Summary summary() {
            return real.summary();
        }

        @Override
        public void forgetDone(Instant before) {
            real.forgetDone(before);
        }
    }
}

package com.shopassist.data.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adding more of a product the cart holds, and setting its quantity, as one statement committed
 * in its own round trip (decision 0113), as the owner role; {@link HeldLineChangeAsKioskIT} runs
 * it as a kiosk role.
 */
class HeldLineChangeIT {

    static final int THREADS = 8;
    static TestDatabase.Roles roles;
    static CommerceFixture fx;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices s;
    static long category;

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshOwnerOnly(THREADS + 2));
    }

    static void setUp(TestDatabase.Roles databases) {
        roles = databases;
        fx = new CommerceFixture(roles.owner());
        category = fx.category("Kitchen", "Dapur");
        s = CommerceServices.create(roles.kiosk(), clock, CommerceSettings.defaults());
    }

    @AfterAll
    static void down() {
        roles.close();
    }

    @Test
    void addingMoreToAHeldLineGrowsTheLineTheHoldAndTheReservedCountInOneStatement() {
        long kettle = fx.product(category, "Kettle", "Philips", 300_000, 10);
        CartOwner owner = CartOwner.guest("held-more");
        s.carts().add(owner, kettle, 2);
        long cartId = cartOf(owner);
        clock.advance(Duration.ofMinutes(10));

        assertThat(s.addToHeldLine(owner, kettle, 3)).isTrue();

        assertThat(lineOf(cartId, kettle)).isEqualTo(5);
        assertThat(holdOf(cartId, kettle)).isEqualTo(5);
        assertThat(fx.reservedOf(kettle)).isEqualTo(5);
        // renewed: live for the whole hold duration from the change
        assertThat(fx.liveHeld(
                        kettle, clock.instant().plus(Duration.ofMinutes(30)).minusSeconds(1)))
                .isEqualTo(5);
        assertThat(fx.liveHeld(kettle, clock.instant().plus(Duration.ofMinutes(30))))
                .isZero();
        assertThat(lastMovement(kettle)).isEqualTo("HOLD -3 8 5 CART " + cartId);
        assertThat(s.stock().stock(kettle).orElseThrow().available()).isEqualTo(5);
        // and the service takes that path: one more HOLD movement of 1, nothing else
        assertThat(s.carts().add(owner, kettle, 1).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(6));
        assertThat(lastMovement(kettle)).isEqualTo("HOLD -1 5 4 CART " + cartId);
        assertThat(fx.movements(kettle, "HOLD")).isEqualTo(3);
        assertThat(s.stock().stock(kettle).orElseThrow().available()).isEqualTo(4);
        assertNoSessionLeftInATransaction();
    }

    @Test
    void settingAQuantityMovesTheReservedCountByTheDifference() {
        long pan = fx.product(category, "Pan", "Maxim", 150_000, 10);
        CartOwner owner = CartOwner.guest("held-set");
        s.carts().add(owner, pan, 4);
        long cartId = cartOf(owner);

        assertThat(s.setHeldLine(owner, pan, 7)).isTrue();
        assertThat(lastMovement(pan)).isEqualTo("HOLD -3 6 3 CART " + cartId);
        assertThat(s.setHeldLine(owner, pan, 2)).isTrue();
        assertThat(lastMovement(pan)).isEqualTo("RELEASE 5 3 8 CART " + cartId);
        assertThat(s.setHeldLine(owner, pan, 2)).isTrue(); // renewed only: no movement
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_movement WHERE product_id = ?", pan))
                .isEqualTo(3);

        assertThat(s.carts().setQuantity(owner, pan, 9).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(9));
        assertThat(lineOf(cartId, pan)).isEqualTo(9);
        assertThat(holdOf(cartId, pan)).isEqualTo(9);
        assertThat(fx.reservedOf(pan)).isEqualTo(9);
        assertThat(s.stock().stock(pan).orElseThrow().available()).isEqualTo(1);
    }

    @Test
    void settingAQuantityBeyondStockIsRefusedAndWritesNothing() {
        beyondStockIsRefusedAndWritesNothing("held-set-short", 5, 6, 3, true);
    }

    @Test
    void addingMoreBeyondStockIsRefusedAndWritesNothing() {
        beyondStockIsRefusedAndWritesNothing("held-more-short", 3, 2, 1, false);
    }

    /** A line of 2 on {@code stock}; then setting it to, or adding, {@code asked}. */
    static void beyondStockIsRefusedAndWritesNothing(String guest, int stock, int asked, int left, boolean set) {
        long toaster = fx.product(category, "Toaster " + guest, "Oxone", 250_000, stock);
        CartOwner owner = CartOwner.guest(guest);
        s.carts().add(owner, toaster, 2);
        long cartId = cartOf(owner);
        long movements = fx.queryLong("SELECT count(*) FROM tbl_stock_movement WHERE product_id = ?", toaster);

        // the statement fails whole: the line and hold it changed before the product roll back
        assertThat(set ? s.setHeldLine(owner, toaster, asked) : s.addToHeldLine(owner, toaster, asked))
                .isFalse();
        assertUnchanged(cartId, toaster, 2, movements);

        assertThatThrownBy(() -> {
                    if (set) s.carts().setQuantity(owner, toaster, asked);
                    else s.carts().add(owner, toaster, asked);
                })
                .isInstanceOfSatisfying(
                        InsufficientStockException.class,
                        e -> assertThat(e.available()).isEqualTo(left));
        assertUnchanged(cartId, toaster, 2, movements);
        assertNoSessionLeftInATransaction();
    }

    @Test
    void aLineWhoseHoldExpiredOrWasReleasedIsLeftToTheOrdinaryPathWhichHoldsItAgain() {
        long mug = fx.product(category, "Mug", "Ikea", 30_000, 10);
        CartOwner owner = CartOwner.guest("held-expired");
        s.carts().add(owner, mug, 2);
        long cartId = cartOf(owner);

        clock.advance(Duration.ofMinutes(30)); // the hold stops counting at its expiry
        assertThat(s.addToHeldLine(owner, mug, 1)).isFalse();
        assertThat(s.carts().add(owner, mug, 1).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
        assertThat(holdOf(cartId, mug)).isEqualTo(3);
        assertThat(fx.reservedOf(mug)).isEqualTo(3);

        s.carts().releaseHolds(owner); // a departure: the line stays, its hold goes
        assertThat(s.setHeldLine(owner, mug, 4)).isFalse();
        s.carts().setQuantity(owner, mug, 4);
        assertThat(lineOf(cartId, mug)).isEqualTo(4);
        assertThat(holdOf(cartId, mug)).isEqualTo(4);
        assertThat(fx.reservedOf(mug)).isEqualTo(4);
    }

    @Test
    void pastTheLineLimitIsLeftToTheOrdinaryPathWhichRefusesIt() {
        long spoon = fx.product(category, "Spoon", "Ikea", 5_000, 2_000);
        CartOwner owner = CartOwner.guest("held-limit");
        s.carts().add(owner, spoon, 998);
        long cartId = cartOf(owner);

        assertThat(s.addToHeldLine(owner, spoon, 2)).isFalse();
        assertThatThrownBy(() -> s.carts().add(owner, spoon, 2)).isInstanceOf(ValidationException.class);
        assertThat(lineOf(cartId, spoon)).isEqualTo(998);
        assertThat(fx.reservedOf(spoon)).isEqualTo(998);
    }

    @Test
    void anInactiveProductIsNeitherGrownNorShrunk() {
        long old = fx.product(category, "Old Kettle", "Philips", 100_000, 5);
        CartOwner owner = CartOwner.guest("held-inactive");
        s.carts().add(owner, old, 2);
        long cartId = cartOf(owner);
        fx.exec("UPDATE tbl_product SET is_active = false WHERE product_id = " + old);

        assertThat(s.addToHeldLine(owner, old, 1)).isFalse();
        assertThat(s.setHeldLine(owner, old, 1)).isFalse();
        // as the ordinary path has always answered
        assertThatThrownBy(() -> s.carts().setQuantity(owner, old, 1)).isInstanceOf(NotFoundException.class);
        assertThat(lineOf(cartId, old)).isEqualTo(2);
        assertThat(fx.reservedOf(old)).isEqualTo(2);
    }

    @Test
    void aCustomersHeldLineIsChangedInTheirCart() {
        long customer = fx.customer("Sari Held", "sari.held@example.invalid");
        long jar = fx.product(category, "Jar", "Lock&Lock", 60_000, 8);
        CartOwner owner = CartOwner.customer(customer);
        roles.as(customer, () -> s.carts().add(owner, jar, 1));

        assertThat(roles.as(customer, () -> s.addToHeldLine(owner, jar, 2))).isTrue();
        assertThat(roles.as(customer, () -> s.setHeldLine(owner, jar, 5))).isTrue();

        assertThat(roles.as(customer, () -> s.carts().cart(owner)).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(5));
        assertThat(fx.reservedOf(jar)).isEqualTo(5);
    }

    @Test
    void insideATransactionItDeclinesSoTheTransactionStillRollsBackWhole() {
        long jug = fx.product(category, "Jug", "Lock&Lock", 80_000, 5);
        CartOwner owner = CartOwner.guest("held-in-tx");
        s.carts().add(owner, jug, 1);

        assertThatThrownBy(() -> s.transactions().run(() -> {
                    assertThat(s.addToHeldLine(owner, jug, 1)).isFalse();
                    assertThat(s.setHeldLine(owner, jug, 3)).isFalse();
                    s.carts().setQuantity(owner, jug, 3); // the ordinary path, joining this transaction
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(lineOf(cartOf(owner), jug)).isEqualTo(1);
        assertThat(fx.reservedOf(jug)).isEqualTo(1);
        assertNoSessionLeftInATransaction();
    }

    @Test
    void addingToHeldLinesConcurrentlyNeverOversells() throws Exception {
        int carts = 40;
        long cup = fx.product(category, "Cup", "Ikea", 10_000, 60);
        for (int i = 0; i < carts; i++) s.carts().add(CartOwner.guest("held-race-" + i), cup, 1);

        AtomicInteger added = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        race(THREADS * 20, i -> {
            try {
                s.carts().add(CartOwner.guest("held-race-" + (i % carts)), cup, 1);
                added.incrementAndGet();
            } catch (InsufficientStockException e) {
                refused.incrementAndGet();
            }
        });

        assertThat(added.get()).isEqualTo(20);
        assertThat(refused.get()).isEqualTo(THREADS * 20 - 20);
        assertThat(fx.reservedOf(cup)).isEqualTo(60);
        assertThat(fx.queryLong("SELECT sum(quantity) FROM tbl_stock_hold WHERE product_id = ?", cup))
                .isEqualTo(60);
        assertThat(fx.queryLong("SELECT sum(quantity) FROM tbl_cart_item WHERE product_id = ?", cup))
                .isEqualTo(60);
        assertThat(fx.queryLong(
                        "SELECT count(*) FROM tbl_cart_item ci JOIN tbl_stock_hold h USING (cart_id, product_id)"
                                + " WHERE product_id = ? AND h.quantity <> ci.quantity",
                        cup))
                .isZero();
        assertThat(fx.queryLong(
                        "SELECT -sum(quantity) FROM tbl_stock_movement WHERE product_id = ? AND movement_type = 'HOLD'",
                        cup))
                .isEqualTo(60);
        assertNoSessionLeftInATransaction();
    }

    @Test
    void oneLineChangedFromManyThreadsKeepsItsHoldTheSameSize() throws Exception {
        long bowl = fx.product(category, "Bowl", "Ikea", 20_000, 500);
        CartOwner owner = CartOwner.guest("held-one-cart");
        s.carts().add(owner, bowl, 1);

        race(THREADS * 25, i -> {
            if (i % 3 == 0) s.carts().setQuantity(owner, bowl, 1 + i % 7);
            else s.carts().add(owner, bowl, 1);
        });

        long cartId = cartOf(owner);
        long line = lineOf(cartId, bowl);
        assertThat(holdOf(cartId, bowl)).isEqualTo(line);
        assertThat(fx.reservedOf(bowl)).isEqualTo((int) line);
        // every movement is after - before of the free count: they add up to what is held now
        assertThat(fx.queryLong(
                        "SELECT -sum(quantity) FROM tbl_stock_movement WHERE product_id = ?"
                                + " AND movement_type IN ('HOLD', 'RELEASE')",
                        bowl))
                .isEqualTo(line);
        assertThat(fx.queryLong(
                        "SELECT count(*) FROM tbl_stock_movement WHERE product_id = ?"
                                + " AND quantity <> quantity_after - quantity_before",
                        bowl))
                .isZero();
    }

    interface Step {
        void run(int i) throws Exception;
    }

    static void race(int steps, Step step) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                start.await();
                step.run(k);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) f.get(120, TimeUnit.SECONDS);
        pool.shutdown();
    }

    static void assertUnchanged(long cartId, long productId, int quantity, long movements) {
        assertThat(lineOf(cartId, productId)).isEqualTo(quantity);
        assertThat(holdOf(cartId, productId)).isEqualTo(quantity);
        assertThat(fx.reservedOf(productId)).isEqualTo(quantity);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_movement WHERE product_id = ?", productId))
                .isEqualTo(movements);
    }

    static long cartOf(CartOwner owner) {
        return owner.isGuest()
                ? fx.queryLong("SELECT cart_id FROM tbl_cart WHERE guest_key = ?", owner.guestKey())
                : fx.queryLong("SELECT cart_id FROM tbl_cart WHERE customer_id = ?", owner.customerId());
    }

    static long lineOf(long cartId, long productId) {
        return fx.queryLong(
                "SELECT quantity FROM tbl_cart_item WHERE cart_id = ? AND product_id = ?", cartId, productId);
    }

    static long holdOf(long cartId, long productId) {
        return fx.queryLong(
                "SELECT quantity FROM tbl_stock_hold WHERE cart_id = ? AND product_id = ?", cartId, productId);
    }

    static String lastMovement(long productId) {
        return fx.queryString(
                "SELECT movement_type || ' ' || quantity || ' ' || quantity_before || ' ' || quantity_after || ' '"
                        + " || reference_type || ' ' || reference_id FROM tbl_stock_movement WHERE product_id = ?"
                        + " ORDER BY stock_movement_id DESC LIMIT 1",
                productId);
    }

    /** The statement commits itself: no pooled connection may be left inside a transaction. */
    static void assertNoSessionLeftInATransaction() {
        assertThat(fx.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'"))
                .isZero();
    }
}

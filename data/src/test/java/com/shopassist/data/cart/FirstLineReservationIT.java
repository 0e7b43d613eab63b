package com.shopassist.data.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product's first add to a cart as one statement committed in its own round trip (decision
 * 0018), as the owner role; {@link FirstLineReservationAsKioskIT} runs it as a kiosk role.
 */
class FirstLineReservationIT {

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
    void aProductNewToTheCartGetsItsCartLineHoldAndMovementInOneCommittedStatement() {
        long kettle = fx.product(category, "Kettle", "Philips", 300_000, 10);

        assertThat(s.addFirstLine(CartOwner.guest("first-line"), kettle, 3)).isTrue();

        Instant now = clock.instant();
        long cartId = fx.queryLong("SELECT cart_id FROM tbl_cart WHERE guest_key = 'first-line'");
        assertThat(fx.queryLong(
                        "SELECT quantity FROM tbl_cart_item WHERE cart_id = ? AND product_id = ?", cartId, kettle))
                .isEqualTo(3);
        assertThat(fx.queryLong(
                        "SELECT quantity FROM tbl_stock_hold WHERE cart_id = ? AND product_id = ?", cartId, kettle))
                .isEqualTo(3);
        assertThat(fx.liveHeld(kettle, now.plus(Duration.ofMinutes(30)).minusSeconds(1)))
                .isEqualTo(3);
        assertThat(fx.liveHeld(kettle, now.plus(Duration.ofMinutes(30)))).isZero();
        assertThat(fx.reservedOf(kettle)).isEqualTo(3);
        assertThat(fx.movements(kettle, "HOLD")).isEqualTo(1);
        assertThat(fx.queryString(
                        "SELECT quantity || ' ' || quantity_before || ' ' || quantity_after || ' ' || reference_type"
                                + " || ' ' || reference_id FROM tbl_stock_movement WHERE product_id = ?",
                        kettle))
                .isEqualTo("-3 10 7 CART " + cartId);
        assertThat(s.stock().stock(kettle).orElseThrow().available()).isEqualTo(7);
        assertNoSessionLeftInATransaction();
    }

    @Test
    void aCustomersFirstAddCreatesTheirCartAndFillsIt() {
        long customer = fx.customer("Sari First", "sari.first@example.invalid");
        long pan = fx.product(category, "Pan", "Maxim", 150_000, 4);

        assertThat(roles.as(customer, () -> s.addFirstLine(CartOwner.customer(customer), pan, 4)))
                .isTrue();

        assertThat(roles.as(customer, () -> s.carts().cart(CartOwner.customer(customer)))
                        .lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(4));
        assertThat(fx.reservedOf(pan)).isEqualTo(4);
        assertThat(s.stock().stock(pan).orElseThrow().available()).isZero();
    }

    @Test
    void aProductTheCartHasAlreadyIsLeftToTheOrdinaryPathWhichGrowsTheLine() {
        long mug = fx.product(category, "Mug", "Ikea", 30_000, 10);
        CartOwner owner = CartOwner.guest("first-line-again");
        s.carts().add(owner, mug, 1);

        assertThat(s.addFirstLine(owner, mug, 1)).isFalse();
        assertThat(fx.reservedOf(mug)).isEqualTo(1);

        assertThat(s.carts().add(owner, mug, 2).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
        assertThat(fx.reservedOf(mug)).isEqualTo(3);
        assertThat(fx.queryLong("SELECT sum(quantity) FROM tbl_stock_hold WHERE product_id = ?", mug))
                .isEqualTo(3);
        assertThat(fx.movements(mug, "HOLD")).isEqualTo(2);
    }

    @Test
    void shortStockWritesNoLineHoldOrMovementAndTheAddAnswersWithWhatIsLeft() {
        long toaster = fx.product(category, "Toaster", "Oxone", 250_000, 2);
        fx.product(category, "Toaster Two", "Oxone", 260_000, 5);

        assertThat(s.addFirstLine(CartOwner.guest("first-line-short"), toaster, 3))
                .isFalse();
        assertThat(fx.reservedOf(toaster)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_cart_item WHERE product_id = ?", toaster))
                .isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE product_id = ?", toaster))
                .isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_movement WHERE product_id = ?", toaster))
                .isZero();

        assertThatThrownBy(() -> s.carts().add(CartOwner.guest("first-line-short"), toaster, 3))
                .isInstanceOfSatisfying(
                        InsufficientStockException.class,
                        e -> assertThat(e.available()).isEqualTo(2));
        assertThat(fx.reservedOf(toaster)).isZero();
    }

    @Test
    void anInactiveProductIsNotReserved() {
        long old = fx.product(category, "Old Kettle", "Philips", 100_000, 5);
        fx.exec("UPDATE tbl_product SET is_active = false WHERE product_id = " + old);

        assertThat(s.addFirstLine(CartOwner.guest("first-line-inactive"), old, 1))
                .isFalse();
        assertThat(fx.reservedOf(old)).isZero();
    }

    @Test
    void insideATransactionItDeclinesSoTheTransactionStillRollsBackWhole() {
        long jug = fx.product(category, "Jug", "Lock&Lock", 80_000, 5);
        CartOwner owner = CartOwner.guest("first-line-in-tx");

        assertThatThrownBy(() -> s.transactions().run(() -> {
                    assertThat(s.addFirstLine(owner, jug, 1)).isFalse();
                    s.carts().add(owner, jug, 2); // the ordinary path, joining this transaction
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(fx.reservedOf(jug)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_cart WHERE guest_key = ?", owner.guestKey()))
                .isZero();
        assertThat(fx.movements(jug, "HOLD")).isZero();
        assertNoSessionLeftInATransaction();
    }

    @Test
    void aFailingStatementCommitsNothingAndLeavesNoSessionInATransaction() {
        long bowl = fx.product(category, "Bowl", "Ikea", 20_000, 50);
        long noSuchCustomer = 987_654_321L;

        // the owner meets the foreign key; a kiosk role, which has no session of such a customer,
        // meets row-level security first
        assertThatThrownBy(() -> s.addFirstLine(CartOwner.customer(noSuchCustomer), bowl, 1))
                .satisfies(e -> assertThat(e.getMessage())
                        .containsAnyOf(
                                "tbl_cart_customer_id_fkey", "row-level security policy for table \"tbl_cart\""));

        assertThat(fx.reservedOf(bowl)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE product_id = ?", bowl))
                .isZero();
        assertNoSessionLeftInATransaction();
        for (int i = 0; i < THREADS + 2; i++) { // every pooled connection still works
            assertThat(s.addFirstLine(CartOwner.guest("first-line-after-failure-" + i), bowl, 1))
                    .isTrue();
        }
        assertThat(fx.reservedOf(bowl)).isEqualTo(THREADS + 2);
    }

    @Test
    void concurrentFirstAddsOfOneProductToOneCartEndAsOneLineHoldingThemAll() throws Exception {
        long cup = fx.product(category, "Cup", "Ikea", 10_000, 100);
        CartOwner owner = CartOwner.guest("first-line-race");
        for (int round = 0; round < 5; round++) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            CartOwner racer = CartOwner.guest(owner.guestKey() + "-" + round);
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    s.carts().add(racer, cup, 1);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            long cartId = fx.queryLong("SELECT cart_id FROM tbl_cart WHERE guest_key = ?", racer.guestKey());
            assertThat(fx.queryLong(
                            "SELECT quantity FROM tbl_cart_item WHERE cart_id = ? AND product_id = ?", cartId, cup))
                    .isEqualTo(THREADS);
            assertThat(fx.queryLong(
                            "SELECT quantity FROM tbl_stock_hold WHERE cart_id = ? AND product_id = ?", cartId, cup))
                    .isEqualTo(THREADS);
        }
        assertThat(fx.reservedOf(cup)).isEqualTo(5 * THREADS);
        assertThat(fx.queryLong(
                        "SELECT -sum(quantity) FROM tbl_stock_movement WHERE product_id = ? AND movement_type = 'HOLD'",
                        cup))
                .isEqualTo(5 * THREADS);
        assertNoSessionLeftInATransaction();
    }

    /** The statement commits itself: no pooled connection may be left inside a transaction. */
    static void assertNoSessionLeftInATransaction() {
        assertThat(fx.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'"))
                .isZero();
    }
}

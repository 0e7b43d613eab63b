package com.shopassist.data.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.Order;
import com.shopassist.core.outbox.CheckoutQueuedException;
import com.shopassist.core.outbox.CheckoutRejection;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.OfflineCheckoutRefusedException;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkout while the store's database cannot be reached (decision 0097), on real PostgreSQL: refused
 * with the cart kept, or queued with its key and confirmed on sync as one order, never two, or
 * rejected where a clerk sees it.
 */
class OfflineCheckoutIT {

    static final AtomicInteger KIOSKS = new AtomicInteger();
    static Database shared;
    static CommerceFixture fx;
    static long category;
    final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    Database local;
    TestKiosk kiosk;
    CommerceServices elsewhere;
    long customerId;
    long addressId;
    CartOwner owner;

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
        kiosk = kiosk(OfflineCheckout.QUEUE);
        elsewhere = CommerceServices.create(shared, clock, CommerceSettings.defaults(), "kiosk-b");
        customerId = fx.customer("Wati", "wati-" + UUID.randomUUID() + "@example.com");
        addressId = fx.address(customerId, "Rumah");
        owner = CartOwner.customer(customerId);
    }

    TestKiosk kiosk(OfflineCheckout mode) {
        return new TestKiosk(shared, local, clock, "kiosk-c" + KIOSKS.incrementAndGet(), mode);
    }

    @AfterEach
    void closeKiosk() {
        local.close();
    }

    long product(String name, long price, int stock) {
        long id = fx.product(category, name, "Brand", price, stock);
        KioskDatabases.copyCatalog(shared, local);
        kiosk.replica.catalogChanged();
        return id;
    }

    long orders() {
        return fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", customerId);
    }

    @Test
    void refusedOfflineTheCartIsKeptAndNothingIsQueued() {
        TestKiosk refusing = kiosk(OfflineCheckout.REFUSE);
        long kettle = product("Kettle", 300_000, 5);
        refusing.carts.add(owner, kettle, 1);
        refusing.offline();

        assertThatThrownBy(() -> refusing.checkout.checkout(customerId, addressId, "co-refused-1234"))
                .isInstanceOfSatisfying(OfflineCheckoutRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("CHECKOUT_OFFLINE");
                    assertThat(e.getMessage()).contains("cart is kept").contains("clerk");
                });

        assertThat(refusing.outbox.pendingCount()).isZero();
        assertThat(refusing.carts.cart(owner).lines()).hasSize(1);
        assertThat(orders()).isZero();
    }

    @Test
    void aQueuedCheckoutGetsAReferenceAndBecomesOneOrderOnSync() {
        long kettle = product("Kettle", 300_000, 5);
        long pan = product("Pan", 200_000, 5);
        kiosk.carts.add(owner, kettle, 1);
        kiosk.offline();
        kiosk.carts.add(owner, pan, 2); // offline too
        String key = kiosk.checkout.newIdempotencyKey();

        CheckoutQueuedException queued = catchQueued(() -> kiosk.checkout.checkout(customerId, addressId, key));

        assertThat(queued.code()).isEqualTo("CHECKOUT_QUEUED");
        assertThat(queued.reference()).matches("Q-[0-9A-F]{8}");
        assertThat(queued.total()).isEqualTo(Money.of(700_000));
        assertThat(kiosk.carts.cart(owner).isEmpty()).isTrue(); // to be confirmed: the cart went into it
        assertThat(orders()).isZero();

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.ordersPlaced()).isEqualTo(1);
        assertThat(report.waiting()).isZero();
        assertThat(orders()).isEqualTo(1);
        Order order = elsewhere.orders().orders(customerId, 0, 10).items().get(0);
        assertThat(order.total()).isEqualTo(Money.of(700_000));
        assertThat(order.lines()).hasSize(2);
        assertThat(fx.stockOf(kettle)).isEqualTo(4);
        assertThat(fx.stockOf(pan)).isEqualTo(3);
        assertThat(fx.queryString(
                        "SELECT outcome_detail FROM tbl_cart_change_applied a JOIN tbl_checkout_request r"
                                + " ON r.idempotency_key = ? WHERE a.kind = 'CHECKOUT' AND a.outcome = 'ORDER_PLACED'"
                                + " AND a.kiosk_id = ?",
                        key,
                        kiosk.kioskId))
                .isEqualTo(order.orderNumber());

        assertThat(kiosk.outbox.replay().replayed()).isZero();
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void aQueuedRequestReplayedByTwoKiosksAtOnceIsStillOneOrder() throws Exception {
        long kettle = product("Kettle", 300_000, 5);
        kiosk.carts.add(owner, kettle, 2);
        kiosk.offline();
        catchQueued(() -> kiosk.checkout.checkout(customerId, addressId, "co-twice-" + UUID.randomUUID()));
        kiosk.online();

        // the same outbox replayed twice at once (a second process over the same data folder, a retry)
        Outbox second = new Outbox(kiosk.outboxRows, kiosk.replayer, Runnable::run, clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Callable<ReplayReport>> both = List.of(
                    () -> {
                        go.await();
                        return kiosk.outbox.replay();
                    },
                    () -> {
                        go.await();
                        return second.replay();
                    });
            List<Future<ReplayReport>> runs = both.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<ReplayReport> f : runs) f.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(orders()).isEqualTo(1);
        assertThat(fx.stockOf(kettle)).isEqualTo(3);
        assertThat(kiosk.outbox.pendingCount()).isZero();
    }

    @Test
    void aCheckoutThatMayHaveCommittedBeforeTheCutIsQueuedWithItsKeyAndNeverDoubled() {
        long kettle = product("Kettle", 300_000, 5);
        kiosk.carts.add(owner, kettle, 1);
        String key = kiosk.checkout.newIdempotencyKey();
        Order placed = elsewhere.checkout().checkout(customerId, addressId, key); // it did commit...
        kiosk.offline(); // ...but the kiosk lost the answer and queued the request with the same key
        catchQueued(() -> kiosk.checkout.checkout(customerId, addressId, key));

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.ordersPlaced()).isEqualTo(1);
        assertThat(orders()).isEqualTo(1);
        assertThat(fx.stockOf(kettle)).isEqualTo(4);
        assertThat(elsewhere.orders().orders(customerId, 0, 10).items())
                .singleElement()
                .satisfies(o -> assertThat(o.orderNumber()).isEqualTo(placed.orderNumber()));
    }

    @Test
    void aQueuedCheckoutWhoseStockWentIsRejectedWhereAClerkSeesItAndTheCartIsKept() {
        long toaster = product("Toaster", 250_000, 2);
        kiosk.carts.add(owner, toaster, 2); // held online
        kiosk.offline();
        CheckoutQueuedException queued =
                catchQueued(() -> kiosk.checkout.checkout(customerId, addressId, "co-gone-" + UUID.randomUUID()));
        clock.advance(Duration.ofMinutes(40)); // the holds lapse during the outage...
        elsewhere.carts().add(CartOwner.guest("kiosk-b-" + UUID.randomUUID()), toaster, 2); // ...and the stock goes

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(orders()).isZero();
        List<CheckoutRejection> seen =
                kiosk.store.repositories().checkoutRejections().latest(50);
        assertThat(seen)
                .filteredOn(r -> r.reference().equals(queued.reference()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.customerId()).isEqualTo(customerId);
                    assertThat(r.reason()).isEqualTo("INSUFFICIENT_STOCK");
                    assertThat(r.kioskId()).isEqualTo(kiosk.kioskId);
                });
        Cart cart = kiosk.carts.cart(owner);
        assertThat(cart.notices())
                .extracting(CartNotice::kind)
                .containsExactly(CartNotice.Kind.CHECKOUT_REJECTED, CartNotice.Kind.UNAVAILABLE);
        assertThat(cart.notices().get(0).reference()).isEqualTo(queued.reference());
        assertThat(cart.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isZero());
        assertThat(fx.reservedOf(toaster)).isEqualTo(2); // the other shopper's
    }

    @Test
    void aQueuedCheckoutThatWouldCostMoreThanTheShopperSawIsRejected() {
        long blender = product("Blender", 600_000, 5);
        kiosk.carts.add(owner, blender, 1);
        kiosk.offline();
        catchQueued(() -> kiosk.checkout.checkout(customerId, addressId, "co-dearer-" + UUID.randomUUID()));
        fx.exec("UPDATE tbl_product SET retail_price = 650000 WHERE product_id = " + blender);
        elsewhere.catalogChanged();

        kiosk.online();
        kiosk.outbox.replay();

        assertThat(orders()).isZero();
        assertThat(kiosk.carts.cart(owner).notices())
                .filteredOn(n -> n.kind() == CartNotice.Kind.CHECKOUT_REJECTED)
                .singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo("PRICE_ROSE"));
        assertThat(fx.stockOf(blender)).isEqualTo(5);
    }

    private static CheckoutQueuedException catchQueued(Runnable checkout) {
        try {
            checkout.run();
        } catch (CheckoutQueuedException e) {
            return e;
        }
        throw new AssertionError("the checkout was not queued");
    }
}

package com.shopassist.data.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderLine;
import com.shopassist.core.order.OrderStatus;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkout as the owner role; {@link CheckoutAsKioskIT} runs the same as a kiosk role. */
class CheckoutIT {

    static TestDatabase.Roles roles;
    static CommerceFixture fx;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices s;
    static long category;

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshOwnerOnly(20));
    }

    static void setUp(TestDatabase.Roles databases) {
        roles = databases;
        fx = new CommerceFixture(roles.owner());
        category = fx.category("Checkout", null);
        s = CommerceServices.create(roles.kiosk(), clock, CommerceSettings.defaults());
    }

    @AfterAll
    static void down() {
        roles.close();
    }

    record Shopper(long id, long address) {}

    static Shopper shopper(String name) {
        long id = fx.customer(name, name.toLowerCase() + "@example.com");
        return new Shopper(id, fx.address(id, "Rumah"));
    }

    /** The work as this shopper's signed-in session, the way a kiosk presents it. */
    static <T> T as(Shopper c, Supplier<T> work) {
        return roles.as(c.id(), work);
    }

    @Test
    void checkoutTurnsTheCartIntoAnOrderInOneGo() {
        Shopper c = shopper("Citra");
        long a = fx.product(category, "Kettle", "Brand", 199_999, 10);
        long b = fx.product(category, "Toaster", "Brand", 350_000, 10);
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), a, 2));
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), b, 1));

        Order order = as(
                c, () -> s.checkout().checkout(c.id(), c.address(), s.checkout().newIdempotencyKey()));

        assertThat(order.orderNumber()).matches("SA-20261125-\\d{6}").endsWith(String.format("%06d", order.id()));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.subtotal()).isEqualTo(Money.of(749_998));
        assertThat(order.total()).isEqualTo(order.subtotal());
        assertThat(order.lines()).hasSize(2);
        assertThat(order.shippingAddressText()).contains("Jl. Sudirman 1", "Jakarta");
        assertThat(fx.stockOf(a)).isEqualTo(8);
        assertThat(fx.reservedOf(a)).isZero();
        assertThat(fx.movements(a, "SALE")).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE product_id IN (?, ?)", a, b))
                .isZero();
        assertThat(as(c, () -> s.carts().cart(CartOwner.customer(c.id()))).isEmpty())
                .isTrue();
        assertThat(as(c, () -> s.orders().order(c.id(), order.id()))).contains(order);
    }

    @Test
    void theSameKeyTwiceReturnsTheSameOrder() {
        Shopper c = shopper("Dewi");
        long p = fx.product(category, "Iron", "Brand", 300_000, 5);
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), p, 1));
        String key = s.checkout().newIdempotencyKey();
        Order first = as(c, () -> s.checkout().checkout(c.id(), c.address(), key));
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), p, 1)); // a new cart does not change a done checkout
        Order again = as(c, () -> s.checkout().checkout(c.id(), c.address(), key));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(fx.stockOf(p)).isEqualTo(4);
    }

    @Test
    void fiftyConcurrentSendsOfOneKeyMakeOneOrderAndOneDecrement() throws Exception {
        Shopper c = shopper("Eko");
        long p = fx.product(category, "Fan", "Brand", 250_000, 10);
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), p, 3));
        String key = s.checkout().newIdempotencyKey();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Order>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return as(c, () -> s.checkout().checkout(c.id(), c.address(), key));
            }));
        }
        go.countDown();
        Set<Long> ids = new HashSet<>();
        for (Future<Order> f : futures) ids.add(f.get(60, TimeUnit.SECONDS).id());
        pool.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", c.id()))
                .isEqualTo(1);
        assertThat(fx.stockOf(p)).isEqualTo(7);
        assertThat(fx.movements(p, "SALE")).isEqualTo(1);
    }

    @Test
    void anOrdersDiscountIsExactlyTheSumOfItsLineDiscounts() {
        Shopper c = shopper("Fajar");
        long a = fx.product(category, "Odd One", "Brand", 33_333, 10);
        long b = fx.product(category, "Odd Two", "Brand", 66_667, 10);
        long d = fx.product(category, "Odd Three", "Brand", 10_001, 10);
        fx.voucher(
                "ODD15",
                "PERCENT",
                15,
                0,
                null,
                null,
                clock.instant().minusSeconds(60),
                clock.instant().plus(Duration.ofDays(1)),
                true);
        CartOwner owner = CartOwner.customer(c.id());
        as(c, () -> s.carts().add(owner, a, 1));
        as(c, () -> s.carts().add(owner, b, 2));
        as(c, () -> s.carts().add(owner, d, 3));
        as(c, () -> s.carts().applyVoucher(owner, "odd15"));

        Order order = as(
                c, () -> s.checkout().checkout(c.id(), c.address(), s.checkout().newIdempotencyKey()));

        Money lines = order.lines().stream().map(OrderLine::lineDiscount).reduce(Money.ZERO, Money::plus);
        assertThat(order.discount()).isEqualTo(lines);
        assertThat(order.discount()).isEqualTo(Money.of(196_670).percentOf(java.math.BigDecimal.valueOf(15)));
        assertThat(order.total()).isEqualTo(order.subtotal().minus(order.discount()));
        assertThat(order.voucherCode()).isEqualTo("ODD15");
        for (OrderLine l : order.lines()) {
            assertThat(l.lineTotal()).isEqualTo(l.lineSubtotal().minus(l.lineDiscount()));
        }
    }

    @Test
    void voucherUsageIsCountedAtCheckoutNotAtApply() {
        Shopper c1 = shopper("Gita");
        Shopper c2 = shopper("Hadi");
        long p = fx.product(category, "Limited Lamp", "Brand", 100_000, 10);
        long v = fx.voucher(
                "ONCE",
                "FIXED",
                10_000,
                0,
                null,
                1,
                clock.instant().minusSeconds(60),
                clock.instant().plus(Duration.ofDays(1)),
                true);
        as(c1, () -> s.carts().add(CartOwner.customer(c1.id()), p, 1));
        as(c2, () -> s.carts().add(CartOwner.customer(c2.id()), p, 1));
        as(c1, () -> s.carts().applyVoucher(CartOwner.customer(c1.id()), "ONCE"));
        as(c2, () -> s.carts().applyVoucher(CartOwner.customer(c2.id()), "ONCE"));
        assertThat(fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_id = ?", v))
                .isZero();

        Order first = as(
                c1,
                () -> s.checkout().checkout(c1.id(), c1.address(), s.checkout().newIdempotencyKey()));
        assertThat(first.discount()).isEqualTo(Money.of(10_000));
        assertThat(fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_id = ?", v))
                .isEqualTo(1);

        assertThatThrownBy(() -> as(
                        c2,
                        () -> s.checkout()
                                .checkout(c2.id(), c2.address(), s.checkout().newIdempotencyKey())))
                .isInstanceOfSatisfying(
                        VoucherNotApplicableException.class,
                        e -> assertThat(e.reason()).isEqualTo(VoucherRejection.USAGE_LIMIT_REACHED));
        // nothing of the refused checkout happened
        assertThat(fx.stockOf(p)).isEqualTo(9);
        assertThat(as(c2, () -> s.carts().cart(CartOwner.customer(c2.id()))).lines())
                .hasSize(1);
    }

    @Test
    void anExpiredHoldIsTakenAgainAtCheckoutWhenStockAllows() {
        Shopper c = shopper("Indah");
        long p = fx.product(category, "Slow Buyer Mug", "Brand", 50_000, 3);
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), p, 2));
        clock.advance(Duration.ofMinutes(45));
        Order order = as(
                c, () -> s.checkout().checkout(c.id(), c.address(), s.checkout().newIdempotencyKey()));
        assertThat(order.lines().get(0).quantity()).isEqualTo(2);
        assertThat(fx.stockOf(p)).isEqualTo(1);
        assertThat(fx.reservedOf(p)).isZero();
    }

    @Test
    void anExpiredHoldWhoseStockWasTakenFailsCheckoutWithAlternatives() {
        Shopper c = shopper("Joko");
        long p = fx.product(category, "Popular Plate", "Brand", 50_000, 2);
        fx.product(category, "Other Plate", "Brand", 55_000, 9);
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), p, 2));
        clock.advance(Duration.ofMinutes(31));
        s.carts().add(CartOwner.guest("fast-kiosk"), p, 1);

        assertThatThrownBy(() -> as(
                        c,
                        () -> s.checkout()
                                .checkout(c.id(), c.address(), s.checkout().newIdempotencyKey())))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.available()).isEqualTo(1);
                    assertThat(e.alternatives()).isNotEmpty();
                });
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", c.id()))
                .isZero();
        assertThat(fx.stockOf(p)).isEqualTo(2);
    }

    @Test
    void anEmptyCartOrAStrangersAddressIsRefused() {
        Shopper c = shopper("Kartika");
        Shopper other = shopper("Lukas");
        assertThatThrownBy(() -> as(c, () -> s.checkout().checkout(c.id(), c.address(), "key-empty-cart-1")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("cart"));
        long p = fx.product(category, "Pan", "Brand", 80_000, 5);
        as(c, () -> s.carts().add(CartOwner.customer(c.id()), p, 1));
        assertThatThrownBy(() -> as(c, () -> s.checkout().checkout(c.id(), other.address(), "key-foreign-address")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("address"));
        assertThatThrownBy(() -> as(c, () -> s.checkout().checkout(c.id(), c.address(), "short")))
                .isInstanceOf(ValidationException.class);
    }

    static Instant now() {
        return clock.instant();
    }
}

package com.shopassist.data.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderStatus;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of add / remove / expire / checkout / cancel against the real services and
 * database. After every step, for every product: initial stock = available + held + sold and
 * not returned; nothing is negative; reserved equals the sum of hold rows; the movement ledger
 * adds up; and an add or a checkout succeeds exactly when the stock allowed it.
 */
class StockStateMachineProperties {

    static final int INITIAL = 6;
    static final AtomicInteger RUN = new AtomicInteger();
    static TestDatabase.Roles asOwner;
    static TestDatabase.Roles asKiosk;
    // the run in progress: the property runs once with the owner role, once with a kiosk role
    static TestDatabase.Roles roles;
    static CommerceFixture fx;
    static long category;

    @BeforeContainer
    static void up() {
        asOwner = TestDatabase.freshOwnerOnly(4);
        asKiosk = TestDatabase.freshWithKiosk(4);
    }

    @AfterContainer
    static void down() {
        asOwner.close();
        asKiosk.close();
    }

    static void use(TestDatabase.Roles databases) {
        roles = databases;
        fx = new CommerceFixture(roles.owner());
        category = fx.category("State machine", null);
    }

    sealed interface Op permits Add, Remove, Expire, Checkout, Cancel {}

    record Add(int cart, int product, int quantity) implements Op {}

    record Remove(int cart, int product) implements Op {}

    record Expire(int minutes) implements Op {}

    record Checkout(int cart) implements Op {}

    record Cancel(int cart) implements Op {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> cart = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> product = Arbitraries.integers().between(0, 1);
        Arbitrary<Op> add = Combinators.combine(
                        cart, product, Arbitraries.integers().between(1, 4))
                .as(Add::new);
        Arbitrary<Op> remove = Combinators.combine(cart, product).as(Remove::new);
        Arbitrary<Op> expire = Arbitraries.integers().between(1, 40).map(Expire::new);
        Arbitrary<Op> checkout = cart.map(Checkout::new);
        Arbitrary<Op> cancel = cart.map(Cancel::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, add),
                        net.jqwik.api.Tuple.of(2, remove),
                        net.jqwik.api.Tuple.of(2, expire),
                        net.jqwik.api.Tuple.of(2, checkout),
                        net.jqwik.api.Tuple.of(1, cancel))
                .list()
                .ofMinSize(1)
                .ofMaxSize(18);
    }

    @Property(tries = 25)
    void stockIsConservedAfterEveryStep(@ForAll("ops") List<Op> ops) {
        use(asOwner);
        run(ops);
    }

    /** The same as a kiosk login role, each customer's steps under their own presented session. */
    @Property(tries = 25)
    void stockIsConservedAfterEveryStepAsAKioskRole(@ForAll("ops") List<Op> ops) {
        use(asKiosk);
        run(ops);
    }

    private void run(List<Op> ops) {
        int run = RUN.incrementAndGet();
        MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
        CommerceServices s = CommerceServices.create(roles.kiosk(), clock, CommerceSettings.defaults());
        long[] products = {
            fx.product(category, "SM A " + run, "Brand", 10_000, INITIAL),
            fx.product(category, "SM B " + run, "Brand", 25_000, INITIAL)
        };
        long[] customers = new long[3];
        long[] addresses = new long[3];
        for (int i = 0; i < 3; i++) {
            customers[i] = fx.customer("SM " + run + " " + i, "sm" + run + "-" + i + "@example.com");
            addresses[i] = fx.address(customers[i], "Rumah");
        }
        List<List<Long>> pendingOrders = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

        for (Op op : ops) {
            if (op instanceof Add a) {
                CartOwner owner = CartOwner.customer(customers[a.cart()]);
                long p = products[a.product()];
                int line = lineQuantity(customers[a.cart()], p);
                int needed = line + a.quantity() - liveHeldByLine(customers[a.cart()], p, clock);
                boolean allowed = needed <= available(p, clock);
                boolean ok;
                try {
                    roles.as(customers[a.cart()], () -> s.carts().add(owner, p, a.quantity()));
                    ok = true;
                } catch (InsufficientStockException e) {
                    ok = false;
                }
                assertThat(ok).as("add %s allowed=%s", a, allowed).isEqualTo(allowed);
            } else if (op instanceof Remove r) {
                roles.as(
                        customers[r.cart()],
                        () -> s.carts().remove(CartOwner.customer(customers[r.cart()]), products[r.product()]));
            } else if (op instanceof Expire e) {
                clock.advance(Duration.ofMinutes(e.minutes()));
            } else if (op instanceof Checkout c) {
                long customer = customers[c.cart()];
                boolean empty = lineQuantity(customer, products[0]) + lineQuantity(customer, products[1]) == 0;
                boolean allowed = !empty;
                for (long p : products) {
                    int needed = lineQuantity(customer, p) - liveHeldByLine(customer, p, clock);
                    if (needed > available(p, clock)) allowed = false;
                }
                boolean ok;
                try {
                    Order o = roles.as(
                            customer,
                            () -> s.checkout()
                                    .checkout(
                                            customer,
                                            addresses[c.cart()],
                                            s.checkout().newIdempotencyKey()));
                    pendingOrders.get(c.cart()).add(o.id());
                    ok = true;
                } catch (InsufficientStockException | com.shopassist.core.common.ValidationException e) {
                    ok = false;
                }
                assertThat(ok).as("checkout %s allowed=%s", c, allowed).isEqualTo(allowed);
            } else if (op instanceof Cancel c) {
                List<Long> pending = pendingOrders.get(c.cart());
                if (!pending.isEmpty()) {
                    long order = pending.remove(pending.size() - 1);
                    Order cancelled =
                            roles.as(customers[c.cart()], () -> s.orders().cancel(customers[c.cart()], order));
                    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
                }
            }
            for (long p : products) checkInvariants(s, p, clock);
        }
    }

    static void checkInvariants(CommerceServices s, long p, MutableClock clock) {
        int stock = fx.stockOf(p);
        int reserved = fx.reservedOf(p);
        int held = fx.liveHeld(p, clock.instant());
        int sold = (int) fx.queryLong(
                "SELECT COALESCE(sum(i.quantity), 0) FROM tbl_order_items i JOIN tbl_order o ON o.order_id = i.order_id"
                        + " WHERE i.product_id = ? AND o.status <> 'CANCELLED'",
                p);
        int available = s.stock().stock(p).orElseThrow().available();
        assertThat(available).isEqualTo(stock - held).isGreaterThanOrEqualTo(0);
        assertThat(INITIAL).isEqualTo(available + held + sold);
        assertThat(stock).isGreaterThanOrEqualTo(0);
        assertThat(reserved).isBetween(held, stock);
        assertThat(reserved)
                .isEqualTo(
                        fx.queryLong("SELECT COALESCE(sum(quantity), 0) FROM tbl_stock_hold WHERE product_id = ?", p));
        long ledger = fx.queryLong(
                "SELECT COALESCE(sum(quantity), 0) FROM tbl_stock_movement WHERE product_id = ?"
                        + " AND movement_type IN ('SALE', 'CANCEL_RETURN', 'RESTOCK', 'ADJUSTMENT')",
                p);
        assertThat(INITIAL + ledger).isEqualTo(stock);
        long holdLedger = fx.queryLong(
                "SELECT COALESCE(sum(quantity), 0) FROM tbl_stock_movement WHERE product_id = ?"
                        + " AND movement_type IN ('HOLD', 'RELEASE', 'EXPIRE')",
                p);
        // holds consumed by a sale leave the hold ledger through SALE, which moves stock and reserved together
        long consumed = sold
                + fx.queryLong(
                        "SELECT COALESCE(sum(i.quantity), 0) FROM tbl_order_items i JOIN tbl_order o ON o.order_id = i.order_id"
                                + " WHERE i.product_id = ? AND o.status = 'CANCELLED'",
                        p);
        assertThat(-holdLedger - consumed).isEqualTo(reserved);
        // a live hold always matches its cart line
        assertThat(fx.queryLong(
                        "SELECT count(*) FROM tbl_stock_hold h JOIN tbl_cart_item i"
                                + " ON i.cart_id = h.cart_id AND i.product_id = h.product_id"
                                + " WHERE h.product_id = ? AND h.expires_at > ? AND h.quantity <> i.quantity",
                        p,
                        Timestamp.from(clock.instant())))
                .isZero();
    }

    static int lineQuantity(long customer, long product) {
        return (int) fx.queryLong(
                "SELECT COALESCE(sum(i.quantity), 0) FROM tbl_cart_item i JOIN tbl_cart c ON c.cart_id = i.cart_id"
                        + " WHERE c.customer_id = ? AND i.product_id = ?",
                customer,
                product);
    }

    static int liveHeldByLine(long customer, long product, MutableClock clock) {
        return (int) fx.queryLong(
                "SELECT COALESCE(sum(h.quantity), 0) FROM tbl_stock_hold h JOIN tbl_cart c ON c.cart_id = h.cart_id"
                        + " WHERE c.customer_id = ? AND h.product_id = ? AND h.expires_at > ?",
                customer,
                product,
                Timestamp.from(clock.instant()));
    }

    static int available(long product, MutableClock clock) {
        return fx.stockOf(product) - fx.liveHeld(product, clock.instant());
    }
}

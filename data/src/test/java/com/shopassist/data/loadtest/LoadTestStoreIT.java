package com.shopassist.data.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load test's record of what it created, against real PostgreSQL: its clean-up removes what
 * the record names and nothing a shopper made, however much it looks like the load test's, and a
 * killed run's leftovers are found through the record; the end-of-run check sees a reserved counter
 * that drifted on a product with no hold.
 */
class LoadTestStoreIT {

    // register_customer takes only a bcrypt hash; this one is never signed in with
    static final String HASH = "$2a$10$" + "a".repeat(53);

    @Test
    void aShopperWithTheLoadTestsDomainKeepsAccountOrdersAndStockWhenARunCleansUp() {
        try (Database db = TestDatabase.freshSeeded(4)) {
            CommerceFixture fx = new CommerceFixture(db);
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            long product = fx.queryLong("select min(product_id) from tbl_product where stock_quantity > 10");
            int stock = fx.stockOf(product);
            // an account with that address from before registration refused .invalid, and a guest
            // key that looks like a run's but names no recorded run
            long ani = fx.customer("Ani", "ani@loadtest.invalid");
            long aniOrder = order(fx, ani, "SA-ANI-1", product, 3);
            long aniCart = fx.queryLong("insert into tbl_cart (customer_id) values (?) returning cart_id", ani);
            long lookalikeGuest =
                    fx.queryLong("insert into tbl_cart (guest_key) values ('loadtest-notarun-0-0') returning cart_id");

            store.startRun("run00001");
            long mine = store.registerCustomer(
                    "run00001", "Load Test Shopper 0", LoadTestStore.customerEmail("run00001", 0), HASH);
            long myOrder = order(fx, mine, "SA-RUN-1", product, 2);
            fx.exec("update tbl_product set stock_quantity = stock_quantity - 5 where product_id = " + product);
            assertThat(store.realOrders()).as("Ani's order is a shopper's").isEqualTo(1);

            LoadTestStore.Taken taken = store.taken();
            LoadTestStore.Cleanup cleanup = store.cleanUp();

            assertThat(taken.unitsSold()).isEqualTo(2);
            assertThat(taken.orderIds()).containsExactly(myOrder);
            assertThat(cleanup.customers()).isEqualTo(1);
            assertThat(cleanup.orders()).isEqualTo(1);
            assertThat(cleanup.unitsRestocked()).isEqualTo(2);
            assertThat(fx.stockOf(product)).as("only the run's 2 units back").isEqualTo(stock - 3);
            assertThat(fx.queryLong("select count(*) from tbl_customers where customer_id = ?", ani))
                    .isOne();
            assertThat(fx.queryLong("select count(*) from tbl_order where order_id = ?", aniOrder))
                    .isOne();
            assertThat(fx.queryLong("select count(*) from tbl_cart where cart_id in (?, ?)", aniCart, lookalikeGuest))
                    .isEqualTo(2);
            assertThat(fx.queryLong("select count(*) from tbl_customers where customer_id = ?", mine))
                    .isZero();
            LoadTestStore.Restoration restored = store.restoration("run00001", taken, List.of(), cleanup);
            assertThat(restored.ok()).as(restored.toString()).isTrue();
        }
    }

    @Test
    void whatAKilledRunRecordedIsFoundAndRemovedHoldsAndDiscardedCartsMovementsToo() {
        try (Database db = TestDatabase.freshSeeded(4)) {
            CommerceFixture fx = new CommerceFixture(db);
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            long product = fx.queryLong("select min(product_id) from tbl_product where stock_quantity > 10");
            int reserved = fx.reservedOf(product);
            assertThat(store.leftOvers().none()).isTrue();

            // a run killed mid-way: its customer, a guest cart holding 2, a discarded cart's movement
            store.startRun("dead0001");
            store.registerCustomer("dead0001", "Load Test Shopper 0", LoadTestStore.customerEmail("dead0001", 0), HASH);
            long guest = fx.queryLong(
                    "insert into tbl_cart (guest_key) values (?) returning cart_id",
                    LoadTestStore.guestKey("dead0001", 0, 0));
            fx.exec("insert into tbl_stock_hold (product_id, cart_id, quantity, created_at, expires_at) values ("
                    + product + ", " + guest + ", 2, now(), now() + interval '1 hour')");
            fx.exec("update tbl_product set reserved_quantity = reserved_quantity + 2 where product_id = " + product);
            store.rememberCart("dead0001", 987654321L);
            fx.exec("insert into tbl_stock_movement (product_id, movement_type, quantity, quantity_before,"
                    + " quantity_after, reference_type, reference_id) values (" + product
                    + ", 'RELEASE', 1, 0, 1, 'CART', '987654321')");

            LeftOvers left = store.leftOvers();
            assertThat(left).isEqualTo(new LeftOvers(1, 1, 1, 0, 1));

            LoadTestStore.Cleanup cleanup = store.cleanUp();

            assertThat(cleanup.unitsReleased()).isEqualTo(2);
            assertThat(fx.reservedOf(product)).isEqualTo(reserved);
            assertThat(fx.queryLong("select count(*) from tbl_stock_movement where reference_id = '987654321'"))
                    .isZero();
            assertThat(store.leftOvers().none()).isTrue();
            assertThat(fx.queryLong("select count(*) from tbl_loadtest_created"))
                    .isZero();
        }
    }

    @Test
    void aReservedCounterAboveZeroOnAProductWithNoHoldIsReported() {
        try (Database db = TestDatabase.freshSeeded(4)) {
            CommerceFixture fx = new CommerceFixture(db);
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            long product = fx.queryLong("select min(product_id) from tbl_product p where stock_quantity > 0 and"
                    + " not exists (select 1 from tbl_stock_hold h where h.product_id = p.product_id)");
            assertThat(store.check(Map.of(), Map.of()).violations()).isEmpty();

            fx.exec("update tbl_product set reserved_quantity = reserved_quantity + 1 where product_id = " + product);

            assertThat(store.check(Map.of(), Map.of()).violations())
                    .anyMatch(v -> v.startsWith("product " + product)
                            && v.contains("reserved counter")
                            && v.contains("holds add up to 0"));
        }
    }

    private static long order(CommerceFixture fx, long customer, String number, long product, int quantity) {
        long order = fx.queryLong(
                "insert into tbl_order (order_number, customer_id, subtotal, total_amount) values (?, ?, 0, 0)"
                        + " returning order_id",
                number,
                customer);
        fx.exec("insert into tbl_order_items (order_id, customer_id, product_id, product_name, quantity,"
                + " unit_price, line_subtotal, line_total) select " + order + ", " + customer + ", product_id,"
                + " product_name, " + quantity + ", 0, 0, 0 from tbl_product where product_id = " + product);
        return order;
    }
}

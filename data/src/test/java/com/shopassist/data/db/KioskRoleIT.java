package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.Session;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderStatus;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A kiosk's database role, a real login role on real PostgreSQL (decision 0080): what it may
 * not do is refused by the database (a permission error, not zero rows), it sees no customer
 * without a session and only that customer with one, and the shop still works through it.
 */
class KioskRoleIT extends SeededKioskStore {

    // ------------------------------------------------------------------ what is denied

    @Test
    void passwordHashesSignInStateAndSessionsAreDeniedToAKiosk() {
        assertDenied("SELECT password FROM tbl_customers");
        assertDenied("SELECT * FROM tbl_customers");
        assertDenied("SELECT token FROM tbl_customer_session");
        assertDenied("SELECT * FROM tbl_sign_in_failure");
        assertDenied("SELECT * FROM tbl_sign_in_lock");
        assertDenied("SELECT dummy_hash FROM tbl_sign_in_policy");
        assertDenied("SELECT * FROM tbl_clerk_audit");
        // not with a session either
        roles.as(budi, () -> assertDenied("SELECT password FROM tbl_customers WHERE customer_id = " + budi));
    }

    @Test
    void destructiveStatementsAreDeniedNotMerelyLimitedToZeroRows() {
        for (String table : List.of(
                "tbl_order",
                "tbl_order_items",
                "tbl_product",
                "tbl_customers",
                "tbl_voucher",
                "tbl_cart",
                "tbl_stock_movement",
                "aichatbot.chat_details")) {
            assertDenied("TRUNCATE " + table + " CASCADE");
        }
        assertDenied("DELETE FROM tbl_order");
        assertDenied("DELETE FROM tbl_order_items");
        assertDenied("DELETE FROM tbl_customers");
        assertDenied("UPDATE tbl_product SET retail_price = 1");
        assertDenied("UPDATE tbl_voucher SET used_count = 0");
        assertDenied("UPDATE tbl_voucher SET is_active = true");
        assertDenied("INSERT INTO tbl_voucher (voucher_code, discount_type, discount_value, valid_from, valid_until)"
                + " VALUES ('FREE99', 'PERCENT', 99, now(), now() + interval '1 day')");
        assertDenied("UPDATE tbl_order SET total_amount = 0");
        assertDenied("ALTER TABLE tbl_order ADD COLUMN note text");
        assertDenied("ALTER TABLE tbl_product DISABLE ROW LEVEL SECURITY");
        assertDenied("DROP TABLE tbl_order_items");
        assertDenied("DROP FUNCTION session_customer()");
        assertDenied("CREATE TABLE public.tbl_kiosk_owned (x int)");
        assertDenied(
                "CREATE FUNCTION public.session_customer(x int) RETURNS bigint LANGUAGE sql AS 'select 1::bigint'");
        // the same with a customer's session, under which row-level security would let rows through
        roles.as(budi, () -> {
            assertDenied("DELETE FROM tbl_order WHERE customer_id = " + budi);
            assertDenied("DELETE FROM tbl_order_items WHERE customer_id = " + budi);
            assertDenied("UPDATE tbl_customers SET tier = 'PREMIUM' WHERE customer_id = " + budi);
            assertDenied("UPDATE tbl_order SET subtotal = 1 WHERE customer_id = " + budi);
        });
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order")).isPositive();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_product WHERE retail_price = 1"))
                .isZero();
    }

    @Test
    void aVoucherCountCanNeitherBeResetNorBumpedForACartWithoutIt() {
        long used = fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_code = 'FLASH70'");
        long id = fx.queryLong("SELECT voucher_id FROM tbl_voucher WHERE voucher_code = 'FLASH70'");
        assertDenied("UPDATE tbl_voucher SET used_count = 0 WHERE voucher_code = 'FLASH70'");
        assertDenied("SELECT voucher_count_use(" + id + ")");
        roles.as(budi, () -> assertDenied("SELECT voucher_count_use(" + id + ")"));
        assertThat(fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_code = 'FLASH70'"))
                .isEqualTo(used);
    }

    // ------------------------------------------------------------------ what is visible

    @Test
    void withoutASessionAKioskSeesNoCustomerData() {
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order")).isPositive();
        for (String table : List.of(
                "tbl_customers", "tbl_customer_address", "tbl_order", "tbl_order_items", "tbl_checkout_request")) {
            assertThat(count("SELECT count(*) FROM " + table)).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM tbl_cart WHERE customer_id IS NOT NULL"))
                .isZero();
        assertThat(count("SELECT count(email) FROM tbl_customers")).isZero();
    }

    @Test
    void aSessionTokenIsTheKeyNotSomethingAKioskCanMakeUp() {
        String token = roles.session(budi);
        String stored = com.shopassist.core.customer.DefaultCustomerService.digest(token);
        for (String forged : new String[] {String.valueOf(budi), stored, "budi@example.com", token + "x", ""}) {
            kiosk.sessions()
                    .as(
                            forged,
                            () -> assertThat(count("SELECT count(*) FROM tbl_customers"))
                                    .as(forged)
                                    .isZero());
        }
        kiosk.sessions()
                .as(
                        token,
                        () -> assertThat(count("SELECT count(*) FROM tbl_customers"))
                                .isEqualTo(1));
        fx.exec("UPDATE tbl_customer_session SET revoked_at = now() WHERE token = '" + stored + "'");
        kiosk.sessions()
                .as(
                        token,
                        () -> assertThat(count("SELECT count(*) FROM tbl_customers"))
                                .isZero());
        fx.exec("UPDATE tbl_customer_session SET revoked_at = NULL, expires_at = now() - interval '1 second',"
                + " created_at = now() - interval '1 hour' WHERE token = '" + stored + "'");
        kiosk.sessions()
                .as(
                        token,
                        () -> assertThat(count("SELECT count(*) FROM tbl_customers"))
                                .isZero());
        fx.exec("UPDATE tbl_customer_session SET expires_at = now() + interval '12 hours' WHERE token = '" + stored
                + "'");
    }

    @Test
    void aCustomersSessionSeesOnlyThatCustomersRows() {
        // another customer's cart, with a line, and a chat, made by the owner
        long product = fx.queryLong("SELECT min(product_id) FROM tbl_product WHERE stock_quantity > 5");
        long sitiCart = fx.queryLong("INSERT INTO tbl_cart (customer_id) VALUES (?) RETURNING cart_id", siti);
        fx.queryLong("INSERT INTO tbl_cart_item (cart_id, product_id, quantity) VALUES (?, ?, 1)", sitiCart, product);
        fx.queryLong(
                "INSERT INTO aichatbot.chat_session (chat_session_id, customer_id) VALUES (?::uuid, ?)",
                UUID.randomUUID().toString(),
                siti);

        roles.as(budi, () -> {
            assertThat(count("SELECT count(*) FROM tbl_customers")).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM tbl_customers WHERE customer_id <> " + budi))
                    .isZero();
            assertThat(count("SELECT count(*) FROM tbl_order")).isEqualTo(ordersOf(budi));
            assertThat(count("SELECT count(*) FROM tbl_order WHERE customer_id <> " + budi))
                    .isZero();
            assertThat(count("SELECT count(*) FROM tbl_order_items WHERE customer_id <> " + budi))
                    .isZero();
            assertThat(count("SELECT count(*) FROM tbl_customer_address WHERE customer_id <> " + budi))
                    .isZero();
            assertThat(count("SELECT count(*) FROM tbl_cart WHERE cart_id = " + sitiCart))
                    .isZero();
            assertThat(count("SELECT count(*) FROM tbl_cart_item WHERE cart_id = " + sitiCart))
                    .isZero();
            assertThat(count("SELECT count(*) FROM aichatbot.chat_session WHERE customer_id = " + siti))
                    .isZero();
            // nor can it write into them
            assertDenied("INSERT INTO tbl_cart_item (cart_id, product_id, quantity) VALUES (" + sitiCart + ", "
                    + product + ", 1)");
            assertDenied("INSERT INTO tbl_customer_address (customer_id, label, street_address, city) VALUES (" + siti
                    + ", 'Gudang', 'x', 'y')");
            assertThat(services.orders().orders(siti, 1, 10).total()).isZero();
        });
        assertThat(services.orders().orders(budi, 1, 10).total()).isZero(); // no session: nothing
    }

    @Test
    void aGuestCartOfOneKioskIsInvisibleToAnother() {
        long product = fx.queryLong("SELECT min(product_id) FROM tbl_product WHERE stock_quantity > 5");
        CartOwner guest = CartOwner.guest("kiosk-a-" + UUID.randomUUID());
        services.carts().add(guest, product, 1);
        new MyBatisChatRepository(kiosk).ensureSession(UUID.randomUUID(), null, guest.guestKey());
        try (Database other = roles.otherKiosk(2)) {
            CommerceServices elsewhere = CommerceServices.create(other, Clock.systemUTC(), null);
            assertThat(count(other, "SELECT count(*) FROM tbl_cart WHERE guest_key = '" + guest.guestKey() + "'"))
                    .isZero();
            assertThat(count(
                            other,
                            "SELECT count(*) FROM aichatbot.chat_session WHERE guest_key = '" + guest.guestKey() + "'"))
                    .isZero();
            assertThat(elsewhere.carts().cart(guest).lines()).isEmpty();
        }
        assertThat(services.carts().cart(guest).lines()).hasSize(1);
    }

    // ------------------------------------------------------------------ the shop still works

    @Test
    void aKioskKeepsAndClearsItsChatsPendingProposal() {
        MyBatisChatRepository chats = new MyBatisChatRepository(kiosk);
        UUID id = UUID.randomUUID();
        String guestKey = "kiosk-" + UUID.randomUUID();
        chats.ensureSession(id, null, guestKey);
        Instant until = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        ProposedAction clear = new ProposedAction("p1", ProposedAction.Kind.CLEAR_CART, "Empty the cart", Map.of());
        chats.savePending(id, new PendingProposal(clear, "g:" + guestKey, "offline", until));
        assertThat(chats.pending(id)).hasValueSatisfying(p -> {
            assertThat(p.action()).isEqualTo(clear);
            assertThat(p.expiresAt()).isEqualTo(until);
        });
        chats.savePending(id, null);
        assertThat(chats.pending(id)).isEmpty();
    }

    @Test
    void theGuestFlowWorksSearchAddCart() {
        List<Product> found =
                services.catalog().search(ProductQuery.text("headphones")).items();
        assertThat(found).isNotEmpty();
        Product p = found.stream().filter(x -> x.available() > 2).findFirst().orElseThrow();
        CartOwner guest = CartOwner.guest("kiosk-" + UUID.randomUUID());
        Cart cart = services.carts().add(guest, p.id(), 2);
        assertThat(cart.lines()).hasSize(1);
        cart = services.carts().applyVoucher(guest, "DISKON5");
        assertThat(cart.discount().isZero()).isFalse();
        assertThat(services.carts().setQuantity(guest, p.id(), 1).lines().get(0).quantity())
                .isEqualTo(1);
        assertThat(services.carts().remove(guest, p.id()).lines()).isEmpty();
        assertThat(services.stock().stock(p.id())).isPresent();
    }

    @Test
    void theSignedInFlowWorksSignInCheckoutOrdersCancelSignOut() {
        Product p = services.catalog().search(ProductQuery.text("shoes")).items().stream()
                .filter(x -> x.available() > 2)
                .findFirst()
                .orElseThrow();
        CartOwner guest = CartOwner.guest("kiosk-" + UUID.randomUUID());
        services.carts().add(guest, p.id(), 1);

        Session s = services.customers().login("Budi@Example.com", "belanja123".toCharArray());
        assertThat(s.customer().email()).isEqualTo("budi@example.com");
        Cart cart = services.carts().mergeGuestIntoCustomer(guest.guestKey(), budi);
        assertThat(cart.lines()).extracting(l -> l.productId()).contains(p.id());
        Address home = services.customers().addressByLabel(budi, "rumah").orElseThrow();
        long before = fx.stockOf(p.id());

        Order order = services.checkout()
                .checkout(budi, home.id(), services.checkout().newIdempotencyKey());

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(fx.stockOf(p.id()))
                .isEqualTo(before
                        - cart.lines().stream()
                                .filter(l -> l.productId() == p.id())
                                .mapToInt(l -> l.quantity())
                                .sum());
        assertThat(services.orders().orders(budi, 1, 50).items())
                .extracting(Order::id)
                .contains(order.id());
        assertThat(fx.queryString("SELECT clerk_id::text FROM tbl_order WHERE order_id = ?", order.id()))
                .isNull();
        assertThat(services.orders().cancel(budi, order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        // a kiosk may cancel a pending order, never pay or ship one
        services.carts().add(CartOwner.customer(budi), p.id(), 1);
        Order again = services.checkout()
                .checkout(budi, home.id(), services.checkout().newIdempotencyKey());
        assertThatThrownBy(() -> services.orders().changeStatus(again.id(), OrderStatus.PAID))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));

        services.customers().logout(s.token());
        assertThat(services.orders().orders(budi, 1, 50).total()).isZero();
        assertThat(count("SELECT count(*) FROM tbl_customers")).isZero();
    }

    @Test
    void aVoucherUseComesBackWhenTheOrderIsCancelledOnce() throws SQLException {
        Session s = services.customers().login("siti@example.com", "belanja123".toCharArray());
        try {
            Product p = services.catalog().search(ProductQuery.text("bag")).items().stream()
                    .filter(x -> x.available() > 2 && x.price().toLong() >= 150_000)
                    .findFirst()
                    .orElseThrow();
            services.carts().clear(CartOwner.customer(siti));
            services.carts().add(CartOwner.customer(siti), p.id(), 1);
            services.carts().applyVoucher(CartOwner.customer(siti), "ONGKIR20K");
            long used = fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_code = 'ONGKIR20K'");
            Address home = services.customers().addresses(siti).get(0);
            Order o = services.checkout()
                    .checkout(siti, home.id(), services.checkout().newIdempotencyKey());
            assertThat(fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_code = 'ONGKIR20K'"))
                    .isEqualTo(used + 1);
            services.orders().cancel(siti, o.id());
            assertThat(fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_code = 'ONGKIR20K'"))
                    .isEqualTo(used);
            // cancelling again changes nothing, and no kiosk can reopen it to cancel it once more
            KioskSql.execute(kiosk, "UPDATE tbl_order SET status = 'CANCELLED' WHERE order_id = " + o.id());
            assertThatThrownBy(() -> KioskSql.execute(
                            kiosk, "UPDATE tbl_order SET status = 'PENDING' WHERE order_id = " + o.id()))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("SAH03"));
            assertThat(fx.queryLong("SELECT used_count FROM tbl_voucher WHERE voucher_code = 'ONGKIR20K'"))
                    .isEqualTo(used);
        } finally {
            services.customers().logout(s.token());
        }
    }

    @Test
    void anOrderWrittenByHandWithAWrongPriceOrTotalIsRefused() {
        long product = fx.queryLong("SELECT min(product_id) FROM tbl_product WHERE stock_quantity > 5");
        long address =
                fx.queryLong("SELECT min(customer_address_id) FROM tbl_customer_address WHERE customer_id = ?", budi);
        roles.as(budi, () -> {
            // a line at a price of the kiosk's choosing
            assertThatThrownBy(() -> transaction(kiosk, c -> {
                        long id = insertOrder(c, address, 1_000, 0);
                        insertLine(c, id, product, 1_000);
                    }))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            // the right line price, but an order total that does not add up
            long price = fx.queryLong("SELECT retail_price::bigint FROM tbl_product WHERE product_id = ?", product);
            assertThatThrownBy(() -> transaction(kiosk, c -> {
                        long id = insertOrder(c, address, 1_000, 0);
                        insertLine(c, id, product, price);
                    }))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            // a status no kiosk may set
            assertDenied("INSERT INTO tbl_order (order_number, customer_id, status, subtotal, total_amount)"
                    + " VALUES ('SA-FAKE-2', " + budi + ", 'PAID', 1, 1)");
        });
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE order_number LIKE 'SA-FAKE%'"))
                .isZero();
    }

    @Test
    void racingAddressAddsUnderOneSessionLeaveExactlyOneDefault() throws Exception {
        long agus = fx.queryLong("SELECT customer_id FROM tbl_customers WHERE email = 'agus@example.com'");
        int threads = 6;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Address>>();
            for (int i = 0; i < threads; i++) {
                String label = "Gudang " + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return roles.as(
                            agus,
                            () -> services.customers()
                                    .addAddress(
                                            agus,
                                            new Address(
                                                    0,
                                                    0,
                                                    label,
                                                    null,
                                                    null,
                                                    "Jl. Mawar 1",
                                                    "Depok",
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    true)));
                }));
            }
            start.countDown();
            for (var f : futures) f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_customer_address WHERE customer_id = ? AND is_default", agus))
                .isEqualTo(1);
    }

    @Test
    void aKioskRoleNeverMigratesAndSaysSoInOneLine() {
        assertThatThrownBy(kiosk::migrateFully).isInstanceOfSatisfying(ShopException.class, e -> {
            assertThat(e.code()).isEqualTo("OWNER_ROLE_NEEDED");
            assertThat(e.getMessage()).contains(TestDatabase.KIOSK_ROLE).doesNotContain("\n");
        });
        assertThat(kiosk.isOwnerRole()).isFalse();
        assertThat(roles.owner().isOwnerRole()).isTrue();
        assertThat(kiosk.migrate()).isEqualTo(PackagedMigrations.latest());
    }

    // ------------------------------------------------------------------ helpers

    private static long count(Database db, String sql) {
        return KioskSql.count(db, sql);
    }

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private static void transaction(Database db, SqlWork work) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private static long insertOrder(Connection c, long address, long subtotal, long discount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tbl_order (order_number, customer_id,"
                + " shipping_address_id, status, subtotal, discount_amount, total_amount) VALUES (?, ?, ?, 'PENDING', ?,"
                + " ?, ?) RETURNING order_id")) {
            ps.setString(1, "SA-FAKE-" + UUID.randomUUID());
            ps.setLong(2, budi);
            ps.setLong(3, address);
            ps.setLong(4, subtotal);
            ps.setLong(5, discount);
            ps.setLong(6, subtotal - discount);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertLine(Connection c, long orderId, long product, long price) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tbl_order_items (order_id, customer_id, product_id,"
                + " product_name, quantity, unit_price, line_subtotal, line_discount, line_total)"
                + " SELECT ?, ?, product_id, product_name, 1, ?, ?, 0, ? FROM tbl_product WHERE product_id = ?")) {
            ps.setLong(1, orderId);
            ps.setLong(2, budi);
            ps.setLong(3, price);
            ps.setLong(4, price);
            ps.setLong(5, price);
            ps.setLong(6, product);
            ps.executeUpdate();
        }
    }
}

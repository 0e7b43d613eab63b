package com.shopassist.app.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.app.Main;
import com.shopassist.app.loadtest.Latencies.Stats;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.Registration;
import com.shopassist.data.db.Database;
import com.shopassist.data.loadtest.LoadTestStore;
import com.shopassist.data.loadtest.StoreCounts;
import com.shopassist.data.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loadtest} against the embedded PostgreSQL: a short capacity run calls every tool of the
 * shoppers' visits without an error, leaves the store as it found it (also when interrupted), refuses
 * a store with a real order, and its invariant check catches planted oversells and doubled orders.
 */
class LoadTestIT {

    static final List<String> TOOLS = List.of(
            "search_products",
            "get_product_details",
            "find_product_by_name",
            "check_stock",
            "add_to_cart",
            "remove_from_cart",
            "get_cart",
            "get_vouchers",
            "apply_voucher",
            "checkout",
            "checkout (confirmed)");

    @TempDir
    Path dataDir;

    final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    final PrintStream progress = new PrintStream(progressBytes, true, StandardCharsets.UTF_8);

    static LoadTestOptions quick(int seconds) {
        return new LoadTestOptions(
                2,
                Duration.ofSeconds(seconds),
                Duration.ZERO,
                Duration.ZERO,
                2,
                Duration.ZERO,
                LoadTestOptions.DEFAULT_SIGN_IN_SHARE,
                false,
                false);
    }

    @Test
    void aCapacityRunCallsEveryToolWithoutErrorsAndLeavesTheStoreAsItWas() throws Exception {
        try (Database db = TestDatabase.freshSeeded(4);
                AppWiring app = AppWiring.over(db, Clock.systemUTC())) {
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            StoreCounts before = store.counts();
            assertThat(before.orders()).isEqualTo(count(db, "select count(*) from tbl_order"));
            assertThat(before.movements()).isEqualTo(count(db, "select count(*) from tbl_stock_movement"));
            assertThat(before.stock()).isEqualTo(count(db, "select sum(stock_quantity) from tbl_product"));
            Map<Long, Integer> stockBefore = stock(db);

            // it shops until every tool was called and both kiosks placed an order (a loaded machine
            // takes longer: the cap is generous), then stops as Ctrl-C would
            LoadTest test = new LoadTest(app, quick(600), progress);
            CompletableFuture<LoadTestResult> running = CompletableFuture.supplyAsync(() -> test.run(false));
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (!(test.soFar().keySet().containsAll(TOOLS)
                            && count(
                                            db,
                                            "select count(distinct o.customer_id) from tbl_order o join"
                                                    + " tbl_loadtest_created r on r.kind = 'CUSTOMER' and r.ref_id ="
                                                    + " o.customer_id")
                                    >= 2)
                    && !running.isDone()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            test.interrupt();
            LoadTestResult r = running.get();

            Map<String, Stats> series = r.run().series();
            for (String tool : TOOLS) {
                assertThat(series).as(tool + " in " + series.keySet()).containsKey(tool);
                assertThat(series.get(tool).calls()).as(tool).isPositive();
                assertThat(series.get(tool).errors()).as(tool).isZero();
            }
            assertThat(r.run().turn().calls()).isPositive();
            assertThat(r.run().turn().errors()).isZero();
            assertThat(r.run().poolWait().calls()).isPositive();
            assertThat(r.run().errors()).isZero();
            assertThat(r.run().orders())
                    .as("orders placed, so stock was taken and must come back")
                    .isGreaterThanOrEqualTo(2);
            assertThat(r.run().steps()).isNotEmpty();
            assertThat(r.consistent())
                    .as(r.invariants().violations().toString())
                    .isTrue();
            assertThat(r.invariants().orders()).isEqualTo((int) r.run().orders());

            assertThat(r.after()).isEqualTo(before);
            assertThat(store.counts()).isEqualTo(before);
            assertThat(stock(db)).as("every product's stock and reserved count").isEqualTo(stockBefore);
            assertThat(r.restored()).as(r.restoration().toString()).isTrue();
            assertThat(r.restoration().unitsSold()).isPositive();
            assertThat(r.text()).contains("search_products", "turn", "pool wait", "Invariants:", "as before");
            assertThat(r.json().get("invariants").get("ok").asBoolean()).isTrue();
            assertThat(progressBytes.toString(StandardCharsets.UTF_8)).contains("turns, turn p95");

            // one visit in ten signs in: its bcrypt check is reported beside the chat turns, not among them
            Stats signIn = r.run().signIn();
            assertThat(signIn.calls()).as("the buying visits signed in").isPositive();
            assertThat(signIn.errors()).isZero();
            assertThat(r.run().visits())
                    .as("at most one visit in ten (rounded up per kiosk) signs in")
                    .isGreaterThanOrEqualTo((signIn.calls() - 2) * 10);
            assertThat(r.text())
                    .contains("10% of visits sign in to buy", "chat turn (the target's)")
                    .containsPattern("(?m)^sign in +" + signIn.calls() + " ");
            var json = r.json();
            assertThat(json.get("signInSharePercent").asInt()).isEqualTo(10);
            assertThat(json.get("signIn").get("calls").asLong()).isEqualTo(signIn.calls());
            assertThat(json.get("turn").get("calls").asLong())
                    .isEqualTo(r.run().turn().calls());

            // the capacity run's first step has no limit; a step's verdict stands on 100 turns or more
            List<CapacitySteps.Step> steps = r.run().steps();
            assertThat(steps.get(0).targetRate()).isZero();
            assertThat(json.get("capacityMinTurnsPerStep").asInt()).isEqualTo(CapacitySteps.MIN_TURNS);
            for (int i = 0; i < steps.size(); i++) {
                CapacitySteps.Step s = steps.get(i);
                assertThat(json.get("capacitySteps").get(i).get("verdict").asText())
                        .isEqualTo(s.verdict().name());
                if (s.verdict() != CapacitySteps.Verdict.TOO_FEW_TURNS && s.errors() == 0) {
                    assertThat(s.turn().calls()).isGreaterThanOrEqualTo(CapacitySteps.MIN_TURNS);
                }
            }
            assertThat(r.text()).contains("judged on at least 100 turns");
            r.bestHolding()
                    .ifPresentOrElse(
                            held -> {
                                assertThat(json.get("capacityHeld").get("turns").asLong())
                                        .isEqualTo(held.turn().calls())
                                        .isGreaterThanOrEqualTo(CapacitySteps.MIN_TURNS);
                                assertThat(json.get("capacityHeld").get("p95Ms").asDouble())
                                        .isEqualTo(held.turn().p95());
                                assertThat(r.text()).contains("Highest rate that held turn p95 <= 50 ms");
                            },
                            () -> assertThat(r.text()).contains("No step held turn p95 <= 50 ms"));
        }
    }

    @Test
    void anInterruptedRunStillRemovesEverythingItCreated() throws Exception {
        try (Database db = TestDatabase.freshSeeded(4);
                AppWiring app = AppWiring.over(db, Clock.systemUTC())) {
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            StoreCounts before = store.counts();
            Map<Long, Integer> stockBefore = stock(db);
            LoadTest test = new LoadTest(app, quick(600), progress);
            CompletableFuture<LoadTestResult> running = CompletableFuture.supplyAsync(() -> test.run(false));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (count(
                                    db,
                                    "select count(*) from tbl_order o join tbl_customers c using (customer_id)"
                                            + " where c.email like '%@loadtest.invalid'")
                            == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(count(db, "select count(*) from tbl_customers where email like '%@loadtest.invalid'"))
                    .as("the load test's customers exist while it runs")
                    .isPositive();

            test.interrupt(); // what Ctrl-C's shutdown hook calls

            LoadTestResult r = running.get();
            assertThat(r.interrupted()).isTrue();
            assertThat(r.run().orders()).isPositive();
            assertThat(r.consistent()).isTrue();
            assertThat(store.counts()).isEqualTo(before);
            assertThat(stock(db)).isEqualTo(stockBefore);
            assertThat(count(db, "select count(*) from tbl_customers where email like '%@loadtest.invalid'"))
                    .isZero();
        }
    }

    @Test
    void aRunInterruptedWhileWarmingUpMeasuresNothingAndStillCleansUp() throws Exception {
        try (Database db = TestDatabase.freshSeeded(4);
                AppWiring app = AppWiring.over(db, Clock.systemUTC())) {
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            StoreCounts before = store.counts();
            LoadTestOptions warming = new LoadTestOptions(
                    2,
                    Duration.ofSeconds(60),
                    Duration.ZERO,
                    Duration.ZERO,
                    2,
                    Duration.ofSeconds(600),
                    LoadTestOptions.DEFAULT_SIGN_IN_SHARE,
                    false,
                    false);
            LoadTest test = new LoadTest(app, warming, progress);
            CompletableFuture<LoadTestResult> running = CompletableFuture.supplyAsync(() -> test.run(false));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (count(db, "select count(*) from aichatbot.chat_session where guest_key like 'loadtest-%'") == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            test.interrupt();

            LoadTestResult r = running.get();
            assertThat(r.run()).as("nothing measured").isNull();
            assertThat(r.interrupted()).isTrue();
            assertThat(r.text()).contains("Interrupted", "as before");
            assertThat(store.counts()).isEqualTo(before);
        }
    }

    @Test
    void aDatabaseWithARealOrderIsRefusedAndLeftAlone() throws Exception {
        try (Database db = TestDatabase.freshSeeded(4);
                AppWiring app = AppWiring.over(db, Clock.systemUTC())) {
            placeARealOrder(app);
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            StoreCounts before = store.counts();

            assertThatThrownBy(() -> new LoadTest(app, quick(2), progress).run(false))
                    .isInstanceOf(ShopException.class)
                    .hasMessageContaining("holds 1 order of real shoppers")
                    .hasMessageContaining("nothing was changed")
                    .hasMessageContaining("--allow-on-store-database");
            assertThat(store.counts()).isEqualTo(before);

            // the same through the command line: one clear line, exit code 1
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(
                    List.of(
                            "--db-url",
                            db.settings().jdbcUrl(),
                            "--db-user",
                            db.settings().user(),
                            "--data-dir",
                            dataDir.toString(),
                            "loadtest",
                            "--kiosks",
                            "1",
                            "--duration",
                            "1"),
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of("SHOPASSIST_SEMANTIC", "off"),
                    Clock.systemUTC());
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("error: loadtest: ")
                    .contains("--allow-on-store-database")
                    .doesNotContain("Exception");
            assertThat(store.counts()).isEqualTo(before);

            // told so, it runs, and still leaves the store's order and everything else as it was
            // (with no visit signing in: a share of 0 plays only guests)
            LoadTestOptions allowed = new LoadTestOptions(
                    1, Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO, 2, Duration.ZERO, 0, false, true);
            LoadTestResult r = new LoadTest(app, allowed, progress).run(false);
            assertThat(r.restored()).isTrue();
            assertThat(r.run().signIn().calls()).isZero();
            assertThat(r.run().orders()).isZero();
            assertThat(r.json().get("signInSharePercent").asInt()).isZero();
            assertThat(r.text())
                    .as("no empty sign-in row, no sign-in figures in the verdict")
                    .doesNotContainPattern("(?m)^sign in ")
                    .doesNotContain("sign-in p95");
            assertThat(store.counts()).isEqualTo(before);
        }
    }

    @Test
    void aRunWhosePoolsDoNotFitTheServersFreeConnectionsIsRefusedAndNothingIsCreated() throws Exception {
        try (Database db = TestDatabase.freshSeeded(4);
                AppWiring app = AppWiring.over(db, Clock.systemUTC())) {
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            StoreCounts before = store.counts();
            LoadTestStore.ConnectionRoom room = store.connectionRoom();
            int pool = 5;
            int kiosks = room.free() / pool + 1; // one kiosk too many
            LoadTestOptions tooMany = new LoadTestOptions(
                    kiosks,
                    Duration.ofSeconds(2),
                    Duration.ZERO,
                    Duration.ZERO,
                    pool,
                    Duration.ZERO,
                    LoadTestOptions.DEFAULT_SIGN_IN_SHARE,
                    false,
                    false);

            assertThatThrownBy(() -> new LoadTest(app, tooMany, progress).run(false))
                    .isInstanceOfSatisfying(
                            ShopException.class, e -> assertThat(e.code()).isEqualTo("TOO_FEW_CONNECTIONS"))
                    .hasMessageContaining(kiosks + " kiosks with a pool of 5 each need")
                    .hasMessageContaining("max_connections " + room.maxConnections())
                    .hasMessageContaining("nothing was changed");
            assertThat(count(db, "select count(*) from tbl_loadtest_run")).isZero();
            assertThat(store.counts()).isEqualTo(before);
        }
    }

    @Test
    void theInvariantCheckCatchesAPlantedOversellAndADoubledOrder() throws Exception {
        try (Database db = TestDatabase.freshSeeded(4)) {
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            long product = count(db, "select min(product_id) from tbl_product where stock_quantity > 0");
            int stock = (int) count(db, "select stock_quantity from tbl_product where product_id = " + product);
            long customer = count(
                    db,
                    "insert into tbl_customers (full_name, email) values ('Planted', 'loadtest-plant-1"
                            + LoadTestStore.EMAIL_DOMAIN + "') returning customer_id");
            store.startRun("plant001");
            exec(
                    db,
                    "insert into tbl_loadtest_created (run_id, kind, ref_id) values ('plant001', 'CUSTOMER', "
                            + customer + ")");
            long order = count(
                    db,
                    "insert into tbl_order (order_number, customer_id, subtotal, total_amount) values ('SA-PLANT-1', "
                            + customer + ", 0, 0) returning order_id");
            exec(
                    db,
                    "insert into tbl_checkout_request (idempotency_key, customer_id, order_id) values"
                            + " ('planted-key-1', " + customer + ", " + order + ")");
            Map<Long, Integer> atStart = Map.of(product, stock);
            Map<String, String> ledger = Map.of("planted-key-1", "SA-PLANT-1");

            assertThat(store.check(atStart, ledger).violations())
                    .as("an order with no lines: nothing wrong yet")
                    .isEmpty();

            // one more unit sold than the product had
            exec(
                    db,
                    "insert into tbl_order_items (order_id, customer_id, product_id, product_name, quantity,"
                            + " unit_price, line_subtotal, line_total) select " + order + ", " + customer
                            + ", product_id,"
                            + " product_name, " + (stock + 1) + ", 0, 0, 0 from tbl_product where product_id = "
                            + product);
            assertThat(store.check(atStart, ledger).violations())
                    .anyMatch(v -> v.startsWith("product " + product)
                            && v.contains((stock + 1) + " sold and 0 held")
                            && v.contains("only " + stock + " were in stock"));

            // a second order for the same checkout, with no key of its own
            exec(
                    db,
                    "insert into tbl_order (order_number, customer_id, subtotal, total_amount) values ('SA-PLANT-2', "
                            + customer + ", 0, 0)");
            assertThat(store.check(atStart, ledger).violations())
                    .anyMatch(v -> v.contains("SA-PLANT-2") && v.contains("no checkout key"));

            // holds beyond the stock, which the reserved counter does not know of
            exec(
                    db,
                    "insert into tbl_stock_hold (product_id, quantity, created_at, expires_at) values (" + product
                            + ", " + (stock + 5) + ", now(), now() + interval '1 hour')");
            assertThat(store.check(atStart, ledger).violations())
                    .anyMatch(v -> v.contains("held, only " + stock + " in stock"))
                    .anyMatch(v -> v.contains("reserved counter"));
        }
    }

    private static void placeARealOrder(AppWiring app) throws SQLException {
        var services = app.services();
        Customer c = services.customers()
                .register(new Registration(
                        "Real Shopper", "real.shopper@example.com", "belanja-123".toCharArray(), null, null, null));
        var address = services.customers()
                .addAddress(
                        c.id(),
                        new com.shopassist.core.customer.Address(
                                0,
                                c.id(),
                                "Rumah",
                                null,
                                null,
                                "Jl. Nyata 1",
                                "Bandung",
                                null,
                                null,
                                "Indonesia",
                                null,
                                null,
                                true));
        long product = count(
                app.database(),
                "select min(product_id) from tbl_product where is_active and stock_quantity - reserved_quantity > 2");
        services.carts().add(CartOwner.customer(c.id()), product, 1);
        services.checkout().checkout(c.id(), address.id(), services.checkout().newIdempotencyKey());
    }

    private static Map<Long, Integer> stock(Database db) throws SQLException {
        Map<Long, Integer> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select product_id, stock_quantity * 100000 + reserved_quantity from" + " tbl_product")) {
            while (rs.next()) out.put(rs.getLong(1), rs.getInt(2));
        }
        return out;
    }

    static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void exec(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

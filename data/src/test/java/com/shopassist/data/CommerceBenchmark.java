package com.shopassist.data;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.catalog.CatalogMapper;
import com.shopassist.data.catalog.MyBatisCatalogRepository;
import com.shopassist.data.catalog.SearchPlans;
import com.shopassist.data.db.Database;
import com.shopassist.data.seed.Seeder;
import com.shopassist.data.testing.BackendCpu;
import com.shopassist.data.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Prints numbers; asserts nothing (not a timed test, excluded from the normal test run by name).
 * Run: {@code ./mvnw -B -o -pl data -am verify -Dtest=CommerceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dspotless.skip=true -Djacoco.skip=true} (add {@code -Dbench.holdsOnly=true} for the reservations on one
 * hot product alone); results in {@code data/target/commerce-benchmark.txt}.
 */
public class CommerceBenchmark {

    /** The ten searches every search benchmark measures. */
    public static final List<String> QUERIES = List.of(
            "running shoes",
            "rice cooker",
            "wireless earbuds",
            "headphone",
            "smartphone 128GB",
            "air fryer",
            "sneakrs",
            "blendr",
            "coffee beans",
            "backpack -school");

    static final int THREADS = 16;
    /** {@code -Dbench.holdsOnly=true}: only the reservations on one hot product (about a minute). */
    static final boolean HOLDS_ONLY = Boolean.getBoolean("bench.holdsOnly");

    static final StringBuilder OUT = new StringBuilder();

    static void say(String line) {
        System.out.println(line);
        OUT.append(line).append('\n');
    }

    @Test
    void run() throws Exception {
        say("ShopAssist commerce benchmark, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + load());
        try (Database seeded = TestDatabase.freshSeeded(THREADS + 4)) {
            // the embedded test server: production (EmbeddedDatabase) runs fsync and synchronous_commit on
            say("server: fsync " + show(seeded, "fsync") + ", synchronous_commit " + show(seeded, "synchronous_commit")
                    + ", pool " + (THREADS + 4) + " connections for " + THREADS + " threads");
            if (!HOLDS_ONLY) search(seeded, "seed catalog");
            reservations(seeded);
            if (!HOLDS_ONLY) checkouts(seeded);
        }
        if (HOLDS_ONLY) {
            finish();
            return;
        }
        try (Database big = TestDatabase.fresh(THREADS + 4)) {
            long t0 = System.nanoTime();
            new Seeder(big, Clock.systemUTC()).seed(100_000);
            say(String.format("seeded 100,000 products in %.1f s; %s", (System.nanoTime() - t0) / 1e9, load()));
            exec(big, "ANALYZE");
            search(big, "100k catalog as db seed leaves it, rows in category order");
            // the same rows scattered (in id order, as generated), as a catalog grown product by
            // product is stored (decision 0016)
            exec(big, "CLUSTER tbl_product USING tbl_product_pkey");
            exec(big, "ANALYZE tbl_product");
            search(big, "100k catalog, rows in id order: categories scattered");
        }
        finish();
    }

    static void finish() {
        say("");
        say("rerun: ./mvnw -B -o -pl data -am verify -Dtest=CommerceBenchmark"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true"
                + (HOLDS_ONLY ? " -Dbench.holdsOnly=true" : ""));
        Path file = Path.of("target", "commerce-benchmark.txt");
        try {
            Files.writeString(file, OUT.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void search(Database db, String label) throws SQLException {
        long products = count(db, "SELECT count(*) FROM tbl_product");
        say("");
        say("== search, " + label + " (" + products
                + " products), top 20 with total; uncached repository vs plain ILIKE; " + load());
        say("pages: shared buffers / table heap pages the search's statements read (EXPLAIN BUFFERS; load-free);"
                + " cpu: CPU ms per search, database backends / this thread (waiting for a core not counted)");
        say(String.format(
                "%-20s %8s %8s %8s %14s %13s | %8s %8s %8s",
                "query", "hits", "p50 ms", "p95 ms", "pages", "cpu db / app", "ilike", "p50 ms", "p95 ms"));
        MyBatisCatalogRepository repo = new MyBatisCatalogRepository(db.mapper(CatalogMapper.class));
        List<Double> allP95 = new ArrayList<>();
        int reps = Integer.getInteger("bench.reps", 100);
        for (String q : QUERIES) {
            ProductQuery query = ProductQuery.text(q);
            for (int i = 0; i < 10; i++) repo.search(query, Instant.now()); // warm up
            double[] ours = new double[reps];
            long hits = 0;
            double dbCpu = BackendCpu.databaseMillis(db.dataSource());
            double appCpu = BackendCpu.threadMillis();
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                hits = repo.search(query, Instant.now()).total();
                ours[i] = (System.nanoTime() - t) / 1e6;
            }
            appCpu = (BackendCpu.threadMillis() - appCpu) / reps;
            dbCpu = dbCpu < 0 ? -1 : (BackendCpu.databaseMillis(db.dataSource()) - dbCpu) / reps;
            double[] ilike = new double[reps];
            long ilikeHits = 0;
            String plain = q.replace("-school", "").strip();
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps =
                            c.prepareStatement("SELECT product_id, product_name, count(*) OVER () FROM tbl_product"
                                    + " WHERE is_active AND (product_name ILIKE ? OR description ILIKE ?)"
                                    + " ORDER BY product_name LIMIT 20")) {
                // a sequential scan: fewer rounds suffice (at 1,000,000 products one takes seconds)
                int ilikeReps = products > 500_000 ? 3 : products > 10_000 ? 15 : reps;
                ilike = new double[ilikeReps];
                for (int i = ilikeReps > 3 ? -2 : -1; i < ilikeReps; i++) {
                    long t = System.nanoTime();
                    ps.setString(1, "%" + plain + "%");
                    ps.setString(2, "%" + plain + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        ilikeHits = 0;
                        if (rs.next()) ilikeHits = rs.getLong(3);
                        while (rs.next()) {}
                    }
                    if (i >= 0) ilike[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            allP95.add(pct(ours, 95));
            SearchPlans.Pages pages = new SearchPlans().explain(db.dataSource(), query, Instant.now());
            say(String.format(
                    "%-20s %8d %8.2f %8.2f %14s %13s | %8d %8.2f %8.2f",
                    q,
                    hits,
                    pct(ours, 50),
                    pct(ours, 95),
                    pages.buffers() + " / " + pages.heapPages(),
                    String.format("%.2f / %.2f", dbCpu, appCpu),
                    ilikeHits,
                    pct(ilike, 50),
                    pct(ilike, 95)));
        }
        say(String.format(
                "worst p95 of the ten: %.2f ms",
                allP95.stream().mapToDouble(d -> d).max().orElse(0)));
    }

    static void reservations(Database db) throws Exception {
        long category = count(db, "SELECT min(product_category_id) FROM tbl_product_category");
        long hot = count(
                db,
                "INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand,"
                        + " retail_price, department, stock_quantity) VALUES (" + category
                        + ", 'BENCH-HOT', 'Bench Hot', 'Bench', 10000, 'Bench', 10000000) RETURNING product_id");
        CommerceServices s = CommerceServices.create(db, Clock.systemUTC(), CommerceSettings.defaults());
        exec(db, "INSERT INTO tbl_cart (guest_key) SELECT 'bench-raw-' || g FROM generate_series(1, 200000) g");
        long firstCart = count(db, "SELECT min(cart_id) FROM tbl_cart WHERE guest_key LIKE 'bench-raw-%'");
        AtomicLong nextCart = new AtomicLong(firstCart);
        say("");
        say("== reservations on one hot product, " + THREADS + " threads, 5 s each; " + load());
        serverPid = serverPid(db);
        // the ceilings in the same conditions: one guarded UPDATE, alone and in a transaction
        long plain = count(
                db,
                "INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand,"
                        + " retail_price, department, stock_quantity) VALUES (" + category
                        + ", 'BENCH-PLAIN', 'Bench Plain', 'Bench', 10000, 'Bench', 10000000) RETURNING product_id");
        double single = timed(() -> guardedUpdate(db, plain, true));
        say(String.format("ceiling, one guarded UPDATE (autocommit, plain JDBC): %,.0f/s%s", single, lastCpu));
        double inTx = timed(() -> guardedUpdate(db, plain, false));
        say(String.format("ceiling, BEGIN; guarded UPDATE; COMMIT (plain JDBC): %,.0f/s%s", inTx, lastCpu));
        double raw = timed(() -> {
            long cart = nextCart.getAndIncrement();
            s.transactions().run(() -> s.holds().holdForLine(cart, hot, 1));
        });
        say(String.format(
                "hold engine (one tx: guarded UPDATE + hold + movement, one statement): %,.0f reservations/s%s",
                raw, lastCpu));
        AtomicLong firstLine = new AtomicLong();
        double reserve = timed(() -> {
            if (!s.addFirstLine(CartOwner.guest("bench-first-" + firstLine.incrementAndGet()), hot, 1)) {
                throw new IllegalStateException("the first-line reservation did not happen");
            }
        });
        say(String.format(
                "reservation as add to cart makes it (cart + line + hold + movement, one statement committed"
                        + " in its round trip; decision 0018): %,.0f reservations/s%s",
                reserve, lastCpu));
        AtomicLong guest = new AtomicLong();
        double full = timed(() -> s.carts().add(CartOwner.guest("bench-add-" + guest.incrementAndGet()), hot, 1));
        say(String.format(
                "add to cart, whole (that reservation, then the cart snapshot): %,.0f adds/s%s", full, lastCpu));
        // a line already in the cart: adding more of it, and setting its quantity (carts made up
        // front, each with a held line of 1; the threads go through them in turn)
        int lines = 60_000;
        cartsWithALine(db, hot, "bench-more-", lines);
        cartsWithALine(db, hot, "bench-set-", lines);
        AtomicLong more = new AtomicLong();
        StoreRepositories r = s.repositories();
        // the transaction these took before decision 0113 (the statement declines inside one, so
        // the service's ordinary path is what runs here), then the statement alone
        double moreTx = timed(() -> {
            CartOwner owner = CartOwner.guest("bench-more-" + (more.getAndIncrement() % lines + 1));
            s.transactions().run(() -> {
                long cart = r.carts()
                        .lockOrCreateForLineChange(owner, Instant.now())
                        .cartId();
                int target = r.carts().quantities(cart).getOrDefault(hot, 0) + 1;
                r.carts().upsertItem(cart, hot, target, Instant.now());
                s.holds().holdForLine(cart, hot, target);
            });
        });
        say(String.format(
                "add more of a held line, the transaction (line + hold engine, before decision 0113):"
                        + " %,.0f reservations/s%s",
                moreTx, lastCpu));
        Map<String, long[]> before = tableWrites(db);
        double moreOne = timed(() -> {
            if (!s.addToHeldLine(CartOwner.guest("bench-more-" + (more.getAndIncrement() % lines + 1)), hot, 1)) {
                throw new IllegalStateException("the held-line statement did not happen");
            }
        });
        say(String.format(
                "add more of a held line, one statement committed in its round trip (decision 0113):"
                        + " %,.0f reservations/s%s",
                moreOne, lastCpu));
        say("  writes: " + writesSince(db, before));
        AtomicLong setting = new AtomicLong();
        double setTx = timed(() -> {
            long i = setting.getAndIncrement();
            CartOwner owner = CartOwner.guest("bench-set-" + (i % lines + 1));
            int target = 2 + (int) (i / lines % 2);
            s.transactions().run(() -> {
                long cart = r.carts()
                        .lockOrCreateForLineChange(owner, Instant.now())
                        .cartId();
                r.carts().upsertItem(cart, hot, target, Instant.now());
                s.holds().holdForLine(cart, hot, target);
            });
        });
        say(String.format(
                "set a held line's quantity, the transaction (before decision 0113): %,.0f changes/s%s",
                setTx, lastCpu));
        before = tableWrites(db);
        double setOne = timed(() -> {
            long i = setting.getAndIncrement();
            if (!s.setHeldLine(CartOwner.guest("bench-set-" + (i % lines + 1)), hot, 2 + (int) (i / lines % 2))) {
                throw new IllegalStateException("the held-line statement did not happen");
            }
        });
        say(String.format(
                "set a held line's quantity, one statement (decision 0113): %,.0f changes/s%s", setOne, lastCpu));
        say("  writes: " + writesSince(db, before));
        double addMore = timed(() ->
                s.carts().add(CartOwner.guest("bench-more-" + (more.getAndIncrement() % lines + 1)), hot, 1));
        say(String.format(
                "add more of a product already in the cart, whole (with the cart snapshot): %,.0f adds/s%s",
                addMore, lastCpu));
        double setQuantity = timed(() -> {
            long i = setting.getAndIncrement();
            s.carts().setQuantity(CartOwner.guest("bench-set-" + (i % lines + 1)), hot, 2 + (int) (i / lines % 2));
        });
        say(String.format(
                "set a line's quantity, whole (with the cart snapshot): %,.0f changes/s%s", setQuantity, lastCpu));
        long live = count(db, "SELECT count(*) FROM tbl_stock_hold WHERE product_id = " + hot);
        AtomicLong looked = new AtomicLong();
        double addAndLook = timed(() -> {
            s.carts().add(CartOwner.guest("bench-more-" + (looked.getAndIncrement() % lines + 1)), hot, 1);
            s.stock().stock(hot).orElseThrow();
        });
        say(String.format(
                "add more, then the product's stock level as a product card reads it (%,d live holds): %,.0f/s%s",
                live, addAndLook, lastCpu));
        long reserved = count(db, "SELECT reserved_quantity FROM tbl_product WHERE product_id = " + hot);
        long holds = count(db, "SELECT COALESCE(sum(quantity), 0) FROM tbl_stock_hold WHERE product_id = " + hot);
        say("check: reserved " + reserved + " = sum of holds " + holds);
        say(load());
    }

    /** {@code n} guest carts named prefix1..prefixN, each with a line of 1 of the product, held 30 min. */
    static void cartsWithALine(Database db, long productId, String prefix, int n) {
        exec(db, "INSERT INTO tbl_cart (guest_key) SELECT '" + prefix + "' || g FROM generate_series(1, " + n + ") g");
        exec(
                db,
                "INSERT INTO tbl_cart_item (cart_id, product_id, quantity) SELECT cart_id, " + productId
                        + ", 1 FROM tbl_cart WHERE guest_key LIKE '" + prefix + "%'");
        exec(
                db,
                "INSERT INTO tbl_stock_hold (product_id, cart_id, quantity, created_at, expires_at) SELECT "
                        + productId
                        + ", cart_id, 1, now(), now() + interval '30 minutes' FROM tbl_cart WHERE guest_key LIKE '"
                        + prefix + "%'");
        exec(
                db,
                "UPDATE tbl_product SET reserved_quantity = reserved_quantity + " + n + " WHERE product_id = "
                        + productId);
        exec(db, "ANALYZE tbl_cart, tbl_cart_item, tbl_stock_hold");
    }

    static final List<String> WRITTEN =
            List.of("tbl_cart", "tbl_cart_item", "tbl_stock_hold", "tbl_product", "tbl_stock_movement");

    /** Per table: rows updated, of them HOT, inserted, and autovacuum + autoanalyze runs, so far. */
    static Map<String, long[]> tableWrites(Database db) {
        Map<String, long[]> out = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT n_tup_upd, n_tup_hot_upd, n_tup_ins,"
                        + " autovacuum_count + autoanalyze_count FROM pg_stat_user_tables WHERE relname = ?")) {
            c.createStatement().execute("SELECT pg_stat_clear_snapshot()");
            for (String table : WRITTEN) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(table, new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** What each table took since {@code before}: updated (HOT), inserted, autovacuum/analyze runs. */
    static String writesSince(Database db, Map<String, long[]> before) {
        try {
            Thread.sleep(1500); // backends report their counts at most once a second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder out = new StringBuilder();
        tableWrites(db).forEach((table, now) -> {
            long[] was = before.get(table);
            out.append(String.format(
                    "%s upd %,d (HOT %,d) ins %,d auto %d; ",
                    table, now[0] - was[0], now[1] - was[1], now[2] - was[2], now[3] - was[3]));
        });
        return out.toString();
    }

    static void guardedUpdate(Database db, long productId, boolean autoCommit) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(autoCommit);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE tbl_product SET reserved_quantity = reserved_quantity + 1"
                            + " WHERE product_id = ? AND stock_quantity - reserved_quantity >= 1")) {
                ps.setLong(1, productId);
                ps.executeUpdate();
            }
            if (!autoCommit) c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    static String show(Database db, String setting) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, setting);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's postmaster (Linux), to count its processes' CPU; 0 when unknown. */
    static long serverPid;
    /** CPU per operation of the last {@link #timed} run, a measure that load changes less than rates. */
    static String lastCpu = "";

    static long serverPid(Database db) {
        String[] backend = procStat(count(db, "SELECT pg_backend_pid()"));
        return backend == null ? 0 : Long.parseLong(backend[1]);
    }

    /** /proc/PID/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime. */
    static String[] procStat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU ms so far of this JVM and of the server (the postmaster and its children); null off Linux. */
    static double[] cpuMillis() {
        String[] me = procStat(ProcessHandle.current().pid());
        java.io.File[] procs = new java.io.File("/proc").listFiles();
        if (me == null || procs == null || serverPid == 0) return null;
        double tick = 10; // ms per clock tick (USER_HZ = 100)
        double server = 0;
        for (java.io.File f : procs) {
            if (!f.getName().chars().allMatch(Character::isDigit)) continue;
            long pid = Long.parseLong(f.getName());
            String[] st = procStat(pid);
            if (st != null && (pid == serverPid || Long.parseLong(st[1]) == serverPid)) {
                server += (Long.parseLong(st[11]) + Long.parseLong(st[12])) * tick;
            }
        }
        return new double[] {(Long.parseLong(me[11]) + Long.parseLong(me[12])) * tick, server};
    }

    static double timed(Runnable op) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            fs.add(pool.submit(() -> {
                while (!stop.get()) {
                    op.run();
                    if (measuring.get()) done.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(1000);
        double[] cpu0 = cpuMillis();
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(5000);
        long n = done.get();
        double secs = (System.nanoTime() - t0) / 1e9;
        double[] cpu1 = cpuMillis();
        lastCpu = cpu0 == null || cpu1 == null || n == 0
                ? ""
                : String.format(
                        "; CPU per op: JVM %.3f ms, server %.3f ms", (cpu1[0] - cpu0[0]) / n, (cpu1[1] - cpu0[1]) / n);
        stop.set(true);
        for (Future<?> f : fs) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        return n / secs;
    }

    static void checkouts(Database db) throws Exception {
        CommerceServices s = CommerceServices.create(db, Clock.systemUTC(), CommerceSettings.defaults());
        long category = count(db, "SELECT min(product_category_id) FROM tbl_product_category");
        long[] products = new long[20];
        for (int i = 0; i < products.length; i++) {
            products[i] = count(
                    db,
                    "INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand,"
                            + " retail_price, department, stock_quantity) VALUES (" + category + ", 'BENCH-CO-" + i
                            + "', 'Bench Checkout " + i + "', 'Bench', " + (10_000 + i * 1_000) + ", 'Bench', 1000000)"
                            + " RETURNING product_id");
        }
        int n = 1_000;
        long[] customers = new long[n];
        long[] addresses = new long[n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            customers[i] = count(
                    db,
                    "INSERT INTO tbl_customers (full_name, email, password) VALUES ('Bench " + i + "', 'bench" + i
                            + "@bench.invalid', 'x') RETURNING customer_id");
            addresses[i] = count(
                    db,
                    "INSERT INTO tbl_customer_address (customer_id, label, street_address, city)" + " VALUES ("
                            + customers[i] + ", 'Rumah', 'Jl. Bench', 'Jakarta') RETURNING customer_address_id");
            s.carts().add(CartOwner.customer(customers[i]), products[random.nextInt(20)], 1);
            s.carts().add(CartOwner.customer(customers[i]), products[random.nextInt(20)], 2);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                go.await();
                s.checkout().checkout(customers[k], addresses[k], s.checkout().newIdempotencyKey());
                return null;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : fs) f.get(300, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        say("");
        say("== checkouts, " + THREADS + " threads, " + n + " carts of 2 lines over 20 shared products");
        say(String.format("%,.0f checkouts/s (%d in %.2f s); %s", n / secs, n, secs, load()));
    }

    static double pct(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(i, v.length - 1))];
    }

    static long count(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void exec(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

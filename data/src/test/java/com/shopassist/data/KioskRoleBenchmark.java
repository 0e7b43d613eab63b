package com.shopassist.data;

import static com.shopassist.data.CommerceBenchmark.QUERIES;
import static com.shopassist.data.CommerceBenchmark.THREADS;
import static com.shopassist.data.CommerceBenchmark.count;
import static com.shopassist.data.CommerceBenchmark.exec;
import static com.shopassist.data.CommerceBenchmark.load;
import static com.shopassist.data.CommerceBenchmark.pct;
import static com.shopassist.data.CommerceBenchmark.timed;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.catalog.CatalogMapper;
import com.shopassist.data.catalog.MyBatisCatalogRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The cost of row-level security on the hot paths (decision 0080): reservations per second and
 * the catalog search's p95, as the owner role (RLS does not apply) and as a kiosk login role
 * (policies, session lookups), on one database in one run, alternating rounds so that the
 * machine's load falls on both alike. Prints numbers; asserts nothing.
 * Run: {@code ./mvnw -B -o -pl data -am verify -Dtest=KioskRoleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true}; results in
 * {@code data/target/kiosk-role-benchmark.txt}.
 */
class KioskRoleBenchmark {

    /** Round 0 warms both up (JIT, caches, plans) and is not counted; the order alternates after it. */
    static final int ROUNDS = 3;

    static final StringBuilder OUT = new StringBuilder();

    static void say(String line) {
        System.out.println(line);
        OUT.append(line).append('\n');
    }

    @Test
    void run() throws Exception {
        say("ShopAssist kiosk role vs owner role, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + load());
        try (TestDatabase.Roles roles = TestDatabase.freshSeededWithKiosk(THREADS + 4)) {
            Database owner = roles.owner();
            Database kiosk = roles.kiosk();
            CommerceBenchmark.serverPid = CommerceBenchmark.serverPid(owner);
            Map<String, Database> as = new LinkedHashMap<>();
            as.put("owner", owner);
            as.put("kiosk", kiosk);

            say("");
            say("== catalog search, uncached, seed catalog, 100 searches per query; p95 ms per query");
            Map<String, List<Double>> worst = new LinkedHashMap<>();
            for (int round = 0; round <= ROUNDS; round++) {
                for (Map.Entry<String, Database> e : inOrder(as, round)) {
                    double w = searchWorstP95(e.getValue());
                    if (round == 0) continue;
                    worst.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(w);
                    say(String.format(
                            "round %d, %-5s: worst p95 of the ten queries %.2f ms; %s", round, e.getKey(), w, load()));
                }
            }

            long category = count(owner, "SELECT min(product_category_id) FROM tbl_product_category");
            long[] hot = new long[20];
            for (int i = 0; i < hot.length; i++) {
                hot[i] = count(
                        owner,
                        "INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand, retail_price,"
                                + " department, stock_quantity) VALUES (" + category + ", 'BENCH-RLS-" + i
                                + "', 'Bench RLS " + i + "', 'Bench', 10000, 'Bench', 10000000) RETURNING product_id");
            }
            // one customer per worker thread for the signed-in adds (a cart each), with a session
            long[] customers = new long[THREADS * 4];
            for (int i = 0; i < customers.length; i++) {
                customers[i] = count(
                        owner,
                        "INSERT INTO tbl_customers (full_name, email, password) VALUES ('Bench RLS " + i
                                + "', 'bench.rls" + i + "@bench.invalid', 'x') RETURNING customer_id");
            }
            exec(
                    owner,
                    "INSERT INTO tbl_cart (guest_key) SELECT 'bench-rls-raw-' || g FROM generate_series(1, 400000) g");
            AtomicLong nextCart = new AtomicLong(
                    count(owner, "SELECT min(cart_id) FROM tbl_cart WHERE guest_key LIKE 'bench-rls-raw-%'"));

            say("");
            say("== reservations, " + THREADS + " threads, 5 s each, over " + hot.length + " hot products");
            Map<String, Map<String, List<Double>>> rates = new LinkedHashMap<>();
            AtomicLong guests = new AtomicLong();
            AtomicLong threadsSeen = new AtomicLong();
            for (int round = 0; round <= ROUNDS; round++) {
                for (Map.Entry<String, Database> e : inOrder(as, round)) {
                    Database db = e.getValue();
                    CommerceServices s = CommerceServices.create(db, Clock.systemUTC(), CommerceSettings.defaults());
                    Map<String, List<Double>> mine = rates.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                    AtomicLong pick = new AtomicLong();

                    double engine = timed(() -> s.transactions()
                            .run(() -> s.holds()
                                    .holdForLine(
                                            nextCart.getAndIncrement(), hot[(int) (pick.incrementAndGet() % 20)], 1)));
                    report(mine, e.getKey(), round, "hold engine (one transaction)", engine);

                    double guestAdd = timed(() -> s.carts()
                            .add(
                                    CartOwner.guest("bench-rls-" + e.getKey() + "-" + guests.incrementAndGet()),
                                    hot[(int) (pick.incrementAndGet() % 20)],
                                    1));
                    report(mine, e.getKey(), round, "guest add to cart, whole", guestAdd);

                    ThreadLocal<Long> customer = ThreadLocal.withInitial(
                            () -> customers[(int) (threadsSeen.getAndIncrement() % customers.length)]);
                    double signedIn = timed(() -> {
                        long c = customer.get();
                        String token = roles.session(c);
                        db.sessions().as(token, () -> {
                            CartOwner o = CartOwner.customer(c);
                            long p = hot[(int) (pick.incrementAndGet() % 20)];
                            s.carts().add(o, p, 1);
                            s.carts().remove(o, p); // the line never grows past its limit; two reservations' work
                        });
                    });
                    report(mine, e.getKey(), round, "signed-in add + remove (session presented)", signedIn);
                }
            }

            say("");
            say("== summary (mean of " + ROUNDS + " rounds), kiosk role against owner role");
            say(String.format(
                    "search worst p95: owner %.2f ms, kiosk %.2f ms",
                    mean(worst.get("owner")), mean(worst.get("kiosk"))));
            for (String what : rates.get("owner").keySet()) {
                double o = mean(rates.get("owner").get(what));
                double k = mean(rates.get("kiosk").get(what));
                say(String.format("%-45s owner %,8.0f/s  kiosk %,8.0f/s  (%+.1f%%)", what, o, k, (k - o) / o * 100));
            }
            say(load());
        }
        say("");
        say("rerun: ./mvnw -B -o -pl data -am verify -Dtest=KioskRoleBenchmark"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true");
        try {
            Files.writeString(Path.of("target", "kiosk-role-benchmark.txt"), OUT.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Owner first in odd rounds, kiosk first in even ones: neither always runs on a warmer machine. */
    static List<Map.Entry<String, Database>> inOrder(Map<String, Database> as, int round) {
        List<Map.Entry<String, Database>> order = new ArrayList<>(as.entrySet());
        if (round % 2 == 0) java.util.Collections.reverse(order);
        return order;
    }

    static void report(Map<String, List<Double>> into, String role, int round, String what, double rate) {
        if (round == 0) return; // the warm-up
        into.computeIfAbsent(what, k -> new ArrayList<>()).add(rate);
        say(String.format(
                "round %d, %-5s: %-45s %,8.0f/s%s; %s", round, role, what, rate, CommerceBenchmark.lastCpu, load()));
    }

    static double searchWorstP95(Database db) {
        MyBatisCatalogRepository repo = new MyBatisCatalogRepository(db.mapper(CatalogMapper.class));
        double worst = 0;
        for (String q : QUERIES) {
            ProductQuery query = ProductQuery.text(q);
            for (int i = 0; i < 10; i++) repo.search(query, Instant.now());
            double[] ms = new double[100];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                repo.search(query, Instant.now());
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            worst = Math.max(worst, pct(ms, 95));
        }
        return worst;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(d -> d).average().orElse(0);
    }
}

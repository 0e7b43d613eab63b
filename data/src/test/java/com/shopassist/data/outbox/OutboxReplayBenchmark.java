package com.shopassist.data.outbox;

import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying 1,000 queued cart changes: the time, and that none is applied twice. Prints numbers,
 * asserts only that nothing was lost or doubled (excluded from the normal test run by name). Both
 * databases are the app's durable embedded PostgreSQL (fsync and synchronous_commit on), the
 * store's and the kiosk's local one, each its own server.
 *
 * <p>Run: {@code ./mvnw -B -o -pl data -am verify -Dtest=OutboxReplayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true}
 */
class OutboxReplayBenchmark {

    static final int CARTS = 100;
    static final int CHANGES_PER_CART = 10;
    static final int PRODUCTS = 50;

    @TempDir
    Path folder;

    @Test
    void replayAThousandQueuedChanges() throws Exception {
        System.out.println("Outbox replay benchmark, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load " + load());
        try (EmbeddedDatabase storeServer = EmbeddedDatabase.start(folder.resolve("store"));
                EmbeddedDatabase kioskServer = EmbeddedDatabase.start(folder.resolve("kiosk"));
                Database shared = Database.open(storeServer.settings(), 8);
                Database local = Database.open(kioskServer.settings(), 4)) {
            shared.migrate();
            local.migrate();
            CommerceFixture fx = new CommerceFixture(shared);
            long category = fx.category("Kitchen", "Dapur");
            List<Long> products = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                products.add(fx.product(category, "Item " + i, "Brand", 10_000 + 100 * i, 100_000));
            }
            KioskDatabases.copyCatalog(shared, local);
            MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
            TestKiosk kiosk = new TestKiosk(shared, local, clock, "kiosk-bench", OfflineCheckout.QUEUE);

            // the changes shoppers make offline: adds, new quantities, removals
            Random random = new Random(42);
            Map<String, Map<Long, Integer>> expected = new LinkedHashMap<>();
            kiosk.offline();
            long q0 = System.nanoTime();
            for (int c = 0; c < CARTS; c++) {
                String guest = "bench-guest-" + c;
                CartOwner owner = CartOwner.guest(guest);
                Map<Long, Integer> model = expected.computeIfAbsent(guest, g -> new LinkedHashMap<>());
                for (int i = 0; i < CHANGES_PER_CART; i++) {
                    long p = products.get(random.nextInt(PRODUCTS));
                    int roll = random.nextInt(10);
                    if (roll < 6 || model.isEmpty()) {
                        int n = 1 + random.nextInt(3);
                        kiosk.carts.add(owner, p, n);
                        model.merge(p, n, Integer::sum);
                    } else if (roll < 9) {
                        long line = new ArrayList<>(model.keySet()).get(random.nextInt(model.size()));
                        int n = 1 + random.nextInt(5);
                        kiosk.carts.setQuantity(owner, line, n);
                        model.put(line, n);
                    } else {
                        long line = new ArrayList<>(model.keySet()).get(random.nextInt(model.size()));
                        kiosk.carts.remove(owner, line);
                        model.remove(line);
                    }
                }
            }
            double queueSeconds = (System.nanoTime() - q0) / 1e9;
            int queued = kiosk.outbox.pendingCount();
            System.out.printf(
                    "queued %d changes offline in %.2f s (%.1f ms each: the check against the replica, the outbox"
                            + " row, the cart as the shopper sees it); load %s%n",
                    queued, queueSeconds, queueSeconds * 1000 / queued, load());

            kiosk.online();
            long r0 = System.nanoTime();
            ReplayReport report = kiosk.outbox.replay();
            double replaySeconds = (System.nanoTime() - r0) / 1e9;
            System.out.printf(
                    "replayed %d changes (%d queued + %d hold checks) in %.2f s: %.1f ms each, %.0f a second;"
                            + " %d waiting afterwards; load %s%n",
                    report.replayed(),
                    queued,
                    report.replayed() - queued,
                    replaySeconds,
                    replaySeconds * 1000 / report.replayed(),
                    report.replayed() / replaySeconds,
                    report.waiting(),
                    load());

            long a0 = System.nanoTime();
            ReplayReport again = kiosk.outbox.replay();
            System.out.printf(
                    "a second replay found %d to do in %.3f s%n", again.replayed(), (System.nanoTime() - a0) / 1e9);

            // zero duplicates: every change recorded once, every cart as the shopper left it, stock exact
            long recorded = fx.queryLong("SELECT count(*) FROM tbl_cart_change_applied WHERE kiosk_id = 'kiosk-bench'"
                    + " AND kind <> 'HOLD_AGAIN'");
            long distinct = fx.queryLong("SELECT count(DISTINCT change_id) FROM tbl_cart_change_applied");
            long all = fx.queryLong("SELECT count(*) FROM tbl_cart_change_applied");
            int wrongCarts = 0;
            Map<Long, Integer> held = new HashMap<>();
            for (Map.Entry<String, Map<Long, Integer>> cart : expected.entrySet()) {
                Map<Long, Integer> actual = new HashMap<>();
                for (CartLine l :
                        kiosk.store.carts().cart(CartOwner.guest(cart.getKey())).lines()) {
                    actual.put(l.productId(), l.quantity());
                    held.merge(l.productId(), l.quantity(), Integer::sum);
                }
                if (!actual.equals(cart.getValue())) wrongCarts++;
            }
            int wrongProducts = 0;
            for (long p : products) {
                if (fx.reservedOf(p) != held.getOrDefault(p, 0)) wrongProducts++;
            }
            System.out.printf(
                    "duplicates: %d (%d queued changes recorded, %d rows, %d distinct ids); carts unlike the"
                            + " shopper's: %d of %d; products whose held count differs from their lines: %d%n",
                    recorded - queued + (all - distinct), recorded, all, distinct, wrongCarts, CARTS, wrongProducts);
            if (recorded != queued || all != distinct || wrongCarts > 0 || wrongProducts > 0) {
                throw new AssertionError("the replay lost or doubled something");
            }
        }
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}

package com.shopassist.data.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.EmbeddedDatabase;
import com.shopassist.data.testing.TestDatabase;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of an outbox replay, on real PostgreSQL servers that are really stopped and
 * processes that are really killed: afterwards every queued change is applied exactly once, and
 * no product is held beyond its stock.
 */
class OutboxFaultsIT {

    static final MutableClock CLOCK = MutableClock.at("2026-11-25T03:00:00Z");

    /** Guests, each adding to their own cart a few times; what each line should end with. */
    static final class Load {
        final Map<String, Map<Long, Integer>> expected = new HashMap<>();
        int adds;

        void queue(TestKiosk kiosk, List<Long> products, int carts, int addsPerCart) {
            kiosk.offline();
            for (int c = 0; c < carts; c++) {
                String guest = kiosk.kioskId + "-guest-" + c;
                for (int i = 0; i < addsPerCart; i++) {
                    long product = products.get((c + i) % products.size());
                    int quantity = 1 + (i % 2);
                    kiosk.carts.add(CartOwner.guest(guest), product, quantity);
                    expected.computeIfAbsent(guest, g -> new HashMap<>()).merge(product, quantity, Integer::sum);
                    adds++;
                }
            }
        }

        /** The cart each shopper sees on the kiosk is the one they made. */
        void assertShown(TestKiosk kiosk) {
            for (Map.Entry<String, Map<Long, Integer>> cart : expected.entrySet()) {
                Map<Long, Integer> shown = new HashMap<>();
                for (var l : kiosk.carts.cart(CartOwner.guest(cart.getKey())).lines()) {
                    shown.put(l.productId(), l.quantity());
                }
                assertThat(shown).as(cart.getKey()).isEqualTo(cart.getValue());
            }
        }

        /** Every line as the shopper made it, each add held once: nothing lost, nothing doubled. */
        void assertAppliedOnce(CommerceFixture fx, TestKiosk kiosk, List<Long> products) {
            for (Map.Entry<String, Map<Long, Integer>> cart : expected.entrySet()) {
                Map<Long, Integer> actual = new HashMap<>();
                for (var l :
                        kiosk.store.carts().cart(CartOwner.guest(cart.getKey())).lines()) {
                    actual.put(l.productId(), l.quantity());
                }
                assertThat(actual).as(cart.getKey()).isEqualTo(cart.getValue());
            }
            long holdMovements = 0;
            for (long p : products) holdMovements += fx.movements(p, "HOLD");
            assertThat(holdMovements).as("one HOLD movement per add").isEqualTo(adds);
            assertThat(fx.queryLong(
                            "SELECT count(*) FROM tbl_cart_change_applied WHERE kiosk_id = ? AND kind = 'ADD'",
                            kiosk.kioskId))
                    .isEqualTo(adds);
            assertThat(kiosk.outbox.pendingCount()).isZero();
        }
    }

    static long applied(CommerceFixture fx, String kioskId) {
        return fx.queryLong("SELECT count(*) FROM tbl_cart_change_applied WHERE kiosk_id = ?", kioskId);
    }

    static void await(java.util.function.BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void theStoreDatabaseStoppedInTheMiddleOfAReplayLosesAndDoublesNothing(@TempDir Path folder) throws Exception {
        Path storeFolder = folder.resolve("store");
        EmbeddedDatabase server = EmbeddedDatabase.start(storeFolder);
        Database shared = Database.open(server.settings(), 8);
        Database local = KioskDatabases.freshLocal();
        try {
            shared.migrate();
            CommerceFixture fx = new CommerceFixture(shared);
            long category = fx.category("Kitchen", "Dapur");
            List<Long> products = new ArrayList<>();
            for (int i = 0; i < 8; i++) products.add(fx.product(category, "Item " + i, "Brand", 10_000 + i, 10_000));
            KioskDatabases.copyCatalog(shared, local);
            TestKiosk kiosk = new TestKiosk(shared, local, CLOCK, "kiosk-stop", OfflineCheckout.QUEUE);
            Load load = new Load();
            load.queue(kiosk, products, 40, 8); // 320 changes

            kiosk.online();
            CompletableFuture<ReplayReport> first = CompletableFuture.supplyAsync(kiosk.outbox::replay);
            await(() -> applied(fx, kiosk.kioskId) >= 60, Duration.ofSeconds(60));
            server.close(); // the store's server goes down mid-replay (its backends killed)
            ReplayReport cut = first.get(60, TimeUnit.SECONDS);

            assertThat(cut.stoppedBecause()).contains("cannot be reached");
            assertThat(cut.waiting()).isPositive();
            kiosk.offline(); // meanwhile each shopper still sees every line, replayed or waiting
            load.assertShown(kiosk);

            server = EmbeddedDatabase.start(storeFolder); // back, same place
            // as the kiosk's store switch does before it turns back: the server answers on a
            // connection of its own, and what the pool held died with the old server
            await(() -> shared.answers(Duration.ofSeconds(5)), Duration.ofSeconds(60));
            shared.dropConnections();
            kiosk.online();
            ReplayReport rest = kiosk.outbox.replay();

            assertThat(rest.stoppedBecause()).isNull();
            assertThat(rest.waiting()).isZero();
            load.assertAppliedOnce(fx, kiosk, products);
        } finally {
            local.close();
            shared.close();
            server.close();
        }
    }

    @Test
    void aKioskKilledInTheMiddleOfAReplayFinishesItExactlyOnceAfterARestart(@TempDir Path folder) throws Exception {
        Database shared = TestDatabase.fresh(8);
        Database local = KioskDatabases.freshLocal();
        try {
            CommerceFixture fx = new CommerceFixture(shared);
            long category = fx.category("Kitchen", "Dapur");
            List<Long> products = new ArrayList<>();
            for (int i = 0; i < 8; i++) products.add(fx.product(category, "Item " + i, "Brand", 10_000 + i, 10_000));
            KioskDatabases.copyCatalog(shared, local);
            TestKiosk kiosk = new TestKiosk(shared, local, CLOCK, "kiosk-killed", OfflineCheckout.QUEUE);
            Load load = new Load();
            load.queue(kiosk, products, 50, 8); // 400 changes

            Process replaying = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ReplayProcess.class.getName(),
                            shared.settings().jdbcUrl(),
                            shared.settings().user(),
                            local.settings().jdbcUrl(),
                            local.settings().user(),
                            kiosk.kioskId,
                            CLOCK.instant().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(new File(folder.toFile(), "replay.log"))
                    .start();
            try {
                await(() -> applied(fx, kiosk.kioskId) >= 100 || !replaying.isAlive(), Duration.ofSeconds(120));
            } finally {
                replaying.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the kiosk
                replaying.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(applied(fx, kiosk.kioskId))
                    .as("replayed before the kill")
                    .isGreaterThanOrEqualTo(100);
            assertThat(kiosk.outbox.pendingCount()).as("killed halfway").isPositive();

            // the restarted kiosk: a new process over the same local outbox
            Outbox restarted = new Outbox(kiosk.outboxRows, kiosk.replayer, Runnable::run, CLOCK);
            ReplayReport rest = restarted.replay();

            assertThat(rest.waiting()).isZero();
            load.assertAppliedOnce(fx, kiosk, products);
        } finally {
            local.close();
            shared.close();
        }
    }

    @Test
    void twoKiosksReplayingForTheSameHotProductNeverHoldMoreThanItsStock() throws Exception {
        Database shared = TestDatabase.fresh(24);
        Database localA = KioskDatabases.freshLocal();
        Database localB = KioskDatabases.freshLocal();
        try {
            CommerceFixture fx = new CommerceFixture(shared);
            long category = fx.category("Phones", "Ponsel");
            int stock = 60;
            long hot = fx.product(category, "Hot Phone", "Brand", 2_500_000, stock);
            KioskDatabases.copyCatalog(shared, localA);
            KioskDatabases.copyCatalog(shared, localB);
            TestKiosk a = new TestKiosk(shared, localA, CLOCK, "kiosk-hot-a", OfflineCheckout.QUEUE);
            TestKiosk b = new TestKiosk(shared, localB, CLOCK, "kiosk-hot-b", OfflineCheckout.QUEUE);
            Load loadA = new Load();
            Load loadB = new Load();
            loadA.queue(a, List.of(hot), 30, 2); // 45 asked for by each kiosk's shoppers, 90 in all
            loadB.queue(b, List.of(hot), 30, 2);

            a.online();
            b.online();
            CompletableFuture<ReplayReport> ra = CompletableFuture.supplyAsync(a.outbox::replay);
            CompletableFuture<ReplayReport> rb = CompletableFuture.supplyAsync(b.outbox::replay);
            ReplayReport reportA = ra.get(120, TimeUnit.SECONDS);
            ReplayReport reportB = rb.get(120, TimeUnit.SECONDS);

            assertThat(reportA.waiting() + reportB.waiting()).isZero();
            long held = fx.liveHeld(hot, CLOCK.instant());
            long inCarts =
                    fx.queryLong("SELECT COALESCE(sum(quantity), 0) FROM tbl_cart_item WHERE product_id = ?", hot);
            assertThat(held).isEqualTo(stock); // every unit went to someone...
            assertThat(fx.reservedOf(hot)).isEqualTo(stock); // ...and never more than there is
            assertThat(inCarts).isEqualTo(held);
            assertThat(fx.stockOf(hot)).isEqualTo(stock);
            // every shopper who got less was told
            long told = 0;
            for (TestKiosk k : List.of(a, b)) {
                for (int c = 0; c < 30; c++) {
                    var cart = k.store.carts().cart(CartOwner.guest(k.kioskId + "-guest-" + c));
                    int got = cart.itemCount();
                    if (got < 3) {
                        assertThat(cart.notices())
                                .extracting(CartNotice::kind)
                                .containsAnyOf(CartNotice.Kind.SHORT, CartNotice.Kind.UNAVAILABLE);
                        told++;
                    }
                }
            }
            assertThat(told).isPositive();
        } finally {
            localA.close();
            localB.close();
            shared.close();
        }
    }
}

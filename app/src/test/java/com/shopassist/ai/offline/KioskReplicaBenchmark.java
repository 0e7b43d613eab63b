package com.shopassist.ai.offline;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.replica.StoreStatus.Source;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import com.shopassist.data.replica.LocalStore;
import com.shopassist.data.replica.ReplicaRefresh;
import com.shopassist.data.testing.Eventually;
import com.shopassist.data.testing.StoppableStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The numbers of a kiosk's local replica (decisions 0090, 0091), on real PostgreSQL servers: the
 * store's (stopped and started, and behind a proxy that drops the network silently) and the
 * kiosk's own embedded one in its data folder, through the composition root.
 *
 * <ul>
 *   <li>first build of the replica at 1,200 and at 100,000 products (with 100,000 vectors of 384
 *       dimensions, synthetic: the bytes are what costs);
 *   <li>a refresh after 100 changed products, and after none, at 100,000;
 *   <li>time from a cut (the server stopped; the network dropped silently) to the first answer,
 *       which comes from the replica: a whole offline-assistant turn, chat history lookups included;
 *   <li>the offline assistant's turn latency on the replica at 100,000 (the script of
 *       OfflineTurnBenchmark; its cart changes are refused at once while local).
 * </ul>
 *
 * Not part of the build (surefire leaves out *Benchmark*); run:
 *
 * <pre>
 * ./mvnw -B -o -pl app -am verify -Dtest=KioskReplicaBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true
 * </pre>
 *
 * (It sits in the offline assistant's package to play that benchmark's script.)
 */
class KioskReplicaBenchmark {

    static final String RERUN = "./mvnw -B -o -pl app -am verify -Dtest=KioskReplicaBenchmark"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true";

    @Test
    void numbers() throws Exception {
        Path root = Files.createTempDirectory("replica-bench");
        say("cores %d; rerun: %s", Runtime.getRuntime().availableProcessors(), RERUN);

        try (StoppableStore small = StoppableStore.seeded(root.resolve("store-1200"), 1_200, false);
                Database shared = Database.open(small.settings(), 2);
                LocalStore kiosk = LocalStore.open(root.resolve("kiosk-1200"))) {
            ReplicaRefresh refresh = new ReplicaRefresh(shared, kiosk.database(), Clock.systemUTC());
            ReplicaRefresh.Report first = refresh.run(false);
            say("first build, 1,200 products: %d ms", first.took().toMillis());
            ReplicaRefresh.Report again = refresh.run(false);
            say(
                    "refresh with nothing changed, 1,200 products: %d ms",
                    again.took().toMillis());
        }

        long t0 = System.nanoTime();
        try (StoppableStore store = StoppableStore.seeded(root.resolve("store-100k"), 100_000, true)) {
            say("(seeded 100,000 products in %.0f s)", (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            int vectors = syntheticVectors(store.directSettings());
            say("(stored %,d vectors of 384 dimensions in %.0f s)", vectors, (System.nanoTime() - t0) / 1e9);

            Path data = root.resolve("kiosk-100k");
            try (AppWiring app = kiosk(store, data)) {
                ReplicaRefresh.Report first = app.syncReplica(false);
                say(
                        "first build, 100,000 products and vectors: %.1f s (%s)",
                        first.took().toMillis() / 1000.0, load());
                say("  replica folder on disk: %,d MB", folderBytes(data.resolve(LocalStore.FOLDER)) >> 20);

                List<Long> changed = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    changeProducts(store.directSettings(), 100, round);
                    ReplicaRefresh.Report r = app.syncReplica(false);
                    if (r.products() != 100)
                        throw new AssertionError("expected 100 changed products, got " + r.products());
                    changed.add(r.took().toMillis());
                }
                say("refresh after 100 changed products, 100,000 products, 5 runs: %s ms (%s)", changed, load());
                List<Long> none = new ArrayList<>();
                for (int round = 0; round < 3; round++)
                    none.add(app.syncReplica(false).took().toMillis());
                say("refresh with nothing changed, 100,000 products, 3 runs: %s ms", none);

                cutToFirstAnswer(app, store);
                turnLatencyOnTheReplica(app, store);
            }
        } finally {
            deleteTree(root);
        }
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** A whole turn right after the cut, five times for each kind of cut. */
    static void cutToFirstAnswer(AppWiring app, StoppableStore store) {
        ShoppingAssistant assistant = app.assistant(AssistantMode.OFFLINE_ONLY);
        StoreStatus status = app.storeStatus();
        app.repositories();
        String[] asks = {"electric kettle", "sepatu lari", "rice cooker", "blender", "headphones", "smart tv"};
        List<Long> silent = new ArrayList<>();
        List<Long> stopped = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ChatContext chat = guest();
            assistant.reply(chat, "halo");
            store.proxy().cut();
            long t0 = System.nanoTime();
            var reply = assistant.reply(chat, asks[i]);
            silent.add((System.nanoTime() - t0) / 1_000_000);
            check(status.source() == Source.LOCAL && !reply.products().isEmpty(), "answered from the replica");
            store.proxy().restore();
            waitUntil(() -> status.source() == Source.SHARED);

            assistant.reply(chat, "halo");
            store.stop();
            t0 = System.nanoTime();
            reply = assistant.reply(chat, asks[i + 1]);
            stopped.add((System.nanoTime() - t0) / 1_000_000);
            check(status.source() == Source.LOCAL && !reply.products().isEmpty(), "answered from the replica");
            store.start();
            waitUntil(() -> status.source() == Source.SHARED);
        }
        say("cut to first answer (a whole turn), network dropped silently: %s ms (%s)", silent, load());
        say("cut to first answer (a whole turn), store server stopped: %s ms (%s)", stopped, load());
    }

    /** The offline assistant's turns while the replica answers (the network cut for the whole run). */
    static void turnLatencyOnTheReplica(AppWiring app, StoppableStore store) {
        StoreStatus status = app.storeStatus();
        OfflineAssistant assistant = (OfflineAssistant) app.offlineAssistant();
        store.proxy().cut();
        assistant.reply(guest(), "kettle");
        check(status.source() == Source.LOCAL, "local");
        OfflineTurnBenchmark.Stats stats =
                OfflineTurnBenchmark.run(assistant, quietDiscard(app.services().carts()), 300, 1300, () -> guest());
        say("offline assistant on the replica, 100,000 products, keyword path: %s (%s)", stats, load());
        store.proxy().restore();
        waitUntil(() -> status.source() == Source.SHARED);
    }

    /** A guest's cart cannot be discarded while local (the store database refuses at once): the script goes on. */
    static CartService quietDiscard(CartService carts) {
        return (CartService) Proxy.newProxyInstance(
                CartService.class.getClassLoader(), new Class<?>[] {CartService.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(carts, args);
                    } catch (InvocationTargetException e) {
                        if (method.getName().equals("discard")) return null;
                        throw e.getCause();
                    }
                });
    }

    static AppWiring kiosk(StoppableStore store, Path data) {
        DbSettings s = store.settings();
        Map<String, String> env = new HashMap<>();
        env.put("SHOPASSIST_DB_URL", s.jdbcUrl());
        env.put("SHOPASSIST_DB_USER", s.user());
        env.put("SHOPASSIST_DB_PASSWORD", s.password());
        env.put("SHOPASSIST_SEMANTIC", "off");
        env.put("SHOPASSIST_REPLICA_REFRESH_MINUTES", "600");
        env.put("SHOPASSIST_REPLICA_PROBE_SECONDS", "1");
        return new AppWiring(
                AppConfig.resolve(GlobalOptions.parse(List.of("--data-dir", data.toString())), env), Clock.systemUTC());
    }

    static int syntheticVectors(DbSettings store) {
        try (Database owner = Database.open(store, 2)) {
            List<Long> ids = new ArrayList<>();
            try (Connection c = owner.dataSource().getConnection();
                    Statement st = c.createStatement();
                    var rs = st.executeQuery("select product_id from tbl_product order by product_id")) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            Random rnd = new Random(7);
            PgProductEmbeddingRepository repo = new PgProductEmbeddingRepository(owner);
            for (int i = 0; i < ids.size(); i += 2_000) {
                List<StoredVector> batch = new ArrayList<>();
                for (long id : ids.subList(i, Math.min(ids.size(), i + 2_000))) {
                    float[] v = new float[384];
                    for (int d = 0; d < v.length; d++) v[d] = (float) rnd.nextGaussian();
                    batch.add(new StoredVector(id, v));
                }
                repo.save("all-minilm-l6-v2-q", batch);
            }
            return ids.size();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A back office's price change on {@code n} products spread over the catalog. */
    static void changeProducts(DbSettings store, int n, int round) {
        try (Database owner = Database.open(store, 1);
                Connection c = owner.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.executeUpdate("update tbl_product set retail_price = retail_price + 100, updated_at = now()"
                    + " where product_id % 1000 = " + (round * 7 + 3));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ChatContext guest() {
        return new ChatContext(
                UUID.randomUUID(), CartOwner.guest("bench-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
    }

    static long folderBytes(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (java.io.IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + String.join(" ", Arrays.copyOf(parts, 3));
        } catch (java.io.IOException e) {
            return "load "
                    + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage();
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    static void waitUntil(BooleanSupplier condition) {
        Eventually.waitUntil("back on the store database", Duration.ofSeconds(60), condition);
    }

    static void say(String format, Object... args) {
        System.out.printf("REPLICA " + format + "%n", args);
    }
}

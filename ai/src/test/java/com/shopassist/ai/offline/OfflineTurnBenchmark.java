package com.shopassist.ai.offline;

import com.shopassist.ai.TestTools;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.semantic.EmbeddingIndex;
import com.shopassist.ai.semantic.MiniLmEmbedder;
import com.shopassist.ai.semantic.TextEmbedder;
import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.db.Database;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import com.shopassist.data.seed.Seeder;
import com.shopassist.data.testing.BenchDatabase;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Latency of one offline-assistant turn, database included, on the seed catalog (1,200 products)
 * and on 100,000 generated products: p50 and p95 over a mix of asks (search in both languages,
 * references, details, stock, cart, vouchers, compare, gifts, small talk). Not part of the build
 * (surefire leaves out *Benchmark*); run:
 *
 * <pre>
 * ./mvnw -B -o -pl ai -am verify -Dtest=OfflineTurnBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true
 * </pre>
 *
 * At 100k products the vectors are synthetic (embedding 100k products takes about an hour on
 * two cores): the query is embedded by the real model and scanned against 100k vectors, so the
 * cost is real even though the neighbours are not meaningful.
 */
class OfflineTurnBenchmark {

    static final List<String> SCRIPT = List.of(
            "headphones under 500k",
            "the second one",
            "is it in stock?",
            "add it to my cart",
            "sepatu lari di bawah 1 juta",
            "yang murah",
            "tambah yang pertama",
            "lihat keranjang",
            "something to keep coffee hot",
            "compare the first and the second",
            "voucher apa saja?",
            "pakai voucher DISKON5",
            "tidak",
            "gift ideas for my dad under 500k",
            "smart tv 55 inch",
            "tell me more about the third one",
            "stok robot vacuum masih ada?",
            "hapus yang pertama",
            "what categories do you have",
            "terima kasih",
            "drinking bottle",
            "add 2 of the first one",
            "clear my cart",
            "no",
            "hedphones undr 300rb",
            "halo kak");

    record Stats(int turns, double p50, double p95, double p99, double max) {
        @Override
        public String toString() {
            return String.format(
                    "%d turns: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", turns, p50, p95, p99, max);
        }
    }

    /** Plays the script; a new guest session every round, the previous one reset as a kiosk does when idle. */
    static Stats run(
            OfflineAssistant assistant,
            com.shopassist.core.cart.CartService carts,
            int warmup,
            int measured,
            java.util.function.Supplier<ChatContext> sessions) {
        ChatContext ctx = sessions.get();
        for (int i = 0; i < warmup; i++) {
            if (i % SCRIPT.size() == 0) {
                carts.discard(ctx.owner());
                ctx = sessions.get();
            }
            assistant.reply(ctx, SCRIPT.get(i % SCRIPT.size()));
        }
        double[] ms = new double[measured];
        java.util.Map<String, List<Double>> byAsk = new java.util.TreeMap<>();
        for (int i = 0; i < measured; i++) {
            if (i % SCRIPT.size() == 0) {
                carts.discard(ctx.owner());
                ctx = sessions.get();
            }
            long t0 = System.nanoTime();
            var r = assistant.reply(ctx, SCRIPT.get(i % SCRIPT.size()));
            ms[i] = (System.nanoTime() - t0) / 1e6;
            byAsk.computeIfAbsent(SCRIPT.get(i % SCRIPT.size()) + " " + r.tools(), k -> new ArrayList<>())
                    .add(ms[i]);
        }
        StringBuilder slow = new StringBuilder();
        byAsk.entrySet().stream()
                .sorted((a, b) -> Double.compare(median(b.getValue()), median(a.getValue())))
                .limit(6)
                .forEach(e -> slow.append(String.format("    median %.1f ms  %s%n", median(e.getValue()), e.getKey())));
        System.out.print(slow);
        carts.discard(ctx.owner());
        Arrays.sort(ms);
        return new Stats(
                measured, ms[measured / 2], ms[(int) (measured * 0.95)], ms[(int) (measured * 0.99)], ms[measured - 1]);
    }

    static double median(List<Double> v) {
        List<Double> c = new ArrayList<>(v);
        java.util.Collections.sort(c);
        return c.get(c.size() / 2);
    }

    static ToolRegistry tools(CommerceServices s, EmbeddingIndex semantic) {
        return TestTools.over(s, semantic);
    }

    static java.util.function.Supplier<ChatContext> guests() {
        return () -> new ChatContext(
                UUID.randomUUID(),
                com.shopassist.core.cart.CartOwner.guest("bench-" + UUID.randomUUID()),
                null,
                null,
                java.util.Locale.ENGLISH);
    }

    @Test
    void turnLatencyOnTheSeedCatalogAndOnOneHundredThousandProducts() {
        System.out.printf(
                "cores %d, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        try (Database db = TestDatabase.freshSeeded()) {
            CommerceServices s = CommerceServices.create(db);
            Stats keyword = run(new OfflineAssistant(tools(s, null)), s.carts(), 300, 1300, guests());
            System.out.println("seed catalog (1,200 products), keyword path: " + keyword);
            EmbeddingIndex index = new EmbeddingIndex(new PgProductEmbeddingRepository(db), embedder);
            long t0 = System.nanoTime();
            index.loadNow();
            int n = index.embedMissing(128);
            System.out.printf("embedded %d products in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            Stats semantic = run(new OfflineAssistant(tools(s, index)), s.carts(), 300, 1300, guests());
            System.out.println("seed catalog (1,200 products), keyword + semantic: " + semantic);
        }
        try (Database db = TestDatabase.fresh()) {
            long t0 = System.nanoTime();
            new Seeder(db, Clock.systemUTC()).seed(100_000);
            System.out.printf("seeded 100,000 products in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            CommerceServices s = CommerceServices.create(db);
            Stats keyword = run(new OfflineAssistant(tools(s, null)), s.carts(), 300, 1300, guests());
            System.out.println("100,000 products, keyword path: " + keyword);
            EmbeddingIndex index = syntheticIndex(db, embedder);
            Stats semantic = run(new OfflineAssistant(tools(s, index)), s.carts(), 300, 1300, guests());
            System.out.println("100,000 products, keyword + semantic (synthetic vectors): " + semantic);
            long scan0 = System.nanoTime();
            for (int i = 0; i < 200; i++) index.nearest("something to keep coffee hot", 40);
            System.out.printf(
                    "semantic nearest() over %,d vectors (query vector cached): %.2f ms%n",
                    index.size(), (System.nanoTime() - scan0) / 1e6 / 200);
        }
        embedder.close();
    }

    /**
     * The same script on catalogs seeded once into a kept PostgreSQL (1,000,000 products take
     * minutes to seed): {@code -Dbench.db.urls=... -Dbench.db.user=... -Dbench.db.password=...}, see
     * {@link BenchDatabase}. Keyword path; {@code -Dbench.semantic=true} adds synthetic vectors for
     * every product (about 1.5 GB of heap at 1,000,000).
     */
    @Test
    void turnLatencyOnKeptCatalogs() {
        List<String> urls = BenchDatabase.urls();
        Assumptions.assumeFalse(urls.isEmpty(), "no -Dbench.db.urls given");
        for (String url : urls) {
            try (Database db = BenchDatabase.open(url, 10)) {
                long products = products(db);
                System.out.printf("%s, %,d products, %s%n", url, products, load());
                CommerceServices s = CommerceServices.create(db);
                Stats keyword = run(new OfflineAssistant(tools(s, null)), s.carts(), 300, 1300, guests());
                System.out.printf("%,d products, keyword path: %s; %s%n", products, keyword, load());
                if (Boolean.getBoolean("bench.semantic")) {
                    MiniLmEmbedder embedder = new MiniLmEmbedder();
                    EmbeddingIndex index = syntheticIndex(db, embedder);
                    Stats semantic = run(new OfflineAssistant(tools(s, index)), s.carts(), 100, 520, guests());
                    System.out.printf(
                            "%,d products, keyword + semantic (synthetic vectors): %s; %s%n",
                            products, semantic, load());
                    embedder.close();
                }
            }
        }
        System.out.println("rerun: ./mvnw -B -o -pl ai -am verify -Dtest=OfflineTurnBenchmark#turnLatencyOnKeptCatalogs"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true"
                + " -Dbench.db.urls=" + String.join(",", urls) + " -Dbench.db.user=... -Dbench.db.password=...");
    }

    static long products(Database db) {
        try (var c = db.dataSource().getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM tbl_product WHERE is_active")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String load() {
        try {
            return "load average "
                    + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                            .strip();
        } catch (java.io.IOException e) {
            return "load average unknown";
        }
    }

    /** Random unit vectors for every product id, and the real model for queries. */
    static EmbeddingIndex syntheticIndex(Database db, TextEmbedder embedder) {
        List<Long> ids = new ArrayList<>();
        try (var c = db.dataSource().getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT product_id FROM tbl_product WHERE is_active")) {
            while (rs.next()) ids.add(rs.getLong(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        ProductEmbeddingRepository none = new ProductEmbeddingRepository() {
            @Override
            public List<ProductText> missing(String model, int limit) {
                return List.of();
            }

            @Override
            public void save(String model, List<StoredVector> vectors) {}

            @Override
            public void forEach(String model, java.util.function.Consumer<StoredVector> sink) {}

            @Override
            public long count(String model) {
                return 0;
            }
        };
        EmbeddingIndex index = new EmbeddingIndex(none, embedder).loadNow();
        Random rnd = new Random(7);
        List<StoredVector> vectors = new ArrayList<>(ids.size());
        for (long id : ids) {
            float[] v = new float[384];
            for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
            vectors.add(new StoredVector(id, v));
        }
        index.add(vectors);
        return index;
    }
}

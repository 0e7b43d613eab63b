package com.shopassist.ai.semantic;

import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import com.shopassist.data.db.Database;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import com.shopassist.data.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The int8 vectors against float32 (decision 0076): recall@10 on the seed catalog with the real
 * model, memory, and the time of one scan at 1,200 and at 100,000 products. Not part of the build
 * (surefire leaves out *Benchmark*); run:
 *
 * <pre>
 * ./mvnw -B -o -pl ai -am verify -Dtest=SemanticVectorsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true
 * </pre>
 *
 * Output also in {@code ai/target/semantic-vectors-benchmark.txt}. Embedding the 1,200 seed
 * products takes 15-45 s on two cores. Recall@10 is the share of float32's ten nearest that the
 * int8 scan also returns in its ten, over two sets of queries: what shoppers ask (embedded by the
 * model) and every product's own vector ("more like this"), which is the harder set: products
 * that differ only in a size or a colour are all but tied.
 */
class SemanticVectorsBenchmark {

    static final List<String> ASKS = List.of(
            "something to keep coffee hot",
            "something to clean the floor",
            "running shoes",
            "shoes for jogging in the rain",
            "headphones for the gym",
            "noise cancelling headphones for flights",
            "a gift for my dad who likes cooking",
            "a gift for a ten year old",
            "cheap phone with a good camera",
            "laptop for school",
            "rice cooker",
            "something to cook rice",
            "a lamp to read in bed",
            "food for my dog",
            "toys for a cat",
            "a bag for travelling",
            "backpack for hiking",
            "a watch that counts steps",
            "coffee beans for espresso",
            "tea",
            "blender for smoothies",
            "something to make juice",
            "a pan that nothing sticks to",
            "knife set",
            "shampoo for dry hair",
            "skin care for men",
            "sunscreen",
            "vacuum cleaner for pet hair",
            "robot that cleans the house",
            "air fryer",
            "a big tv for football",
            "speaker for a party",
            "charger for my phone",
            "power bank",
            "a mouse for gaming",
            "keyboard",
            "desk chair for the back",
            "bed sheets",
            "pillow",
            "towels",
            "water bottle for school",
            "lunch box",
            "umbrella",
            "rain jacket",
            "sandals for the beach",
            "formal shoes for a wedding",
            "a dress for a party",
            "jeans",
            "socks",
            "baby food",
            "diapers",
            "vitamins",
            "protein powder",
            "yoga mat",
            "dumbbells",
            "bicycle helmet",
            "fan for a hot room",
            "air purifier",
            "iron for clothes",
            "hair dryer");

    private final StringBuilder out = new StringBuilder();

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(format, args);
        System.out.println(s);
        out.append(s).append('\n');
    }

    @Test
    void int8AgainstFloat32() throws Exception {
        line("cores %d, load average %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        try (MiniLmEmbedder embedder = new MiniLmEmbedder();
                Database db = TestDatabase.freshSeeded()) {
            long rss0 = rssMb();
            long t0 = System.nanoTime();
            embedder.embed(List.of("warm up"));
            line("model opened in %d ms; process RSS %d -> %d MB", (System.nanoTime() - t0) / 1_000_000, rss0, rssMb());
            PgProductEmbeddingRepository repository = new PgProductEmbeddingRepository(db);
            EmbeddingIndex index = new EmbeddingIndex(repository, embedder).loadNow();
            t0 = System.nanoTime();
            int embedded = index.embedMissing(128);
            line("embedded %,d seed products in %.1f s", embedded, (System.nanoTime() - t0) / 1e9);
            index.loadVectors(); // the path a start takes: from the stored float32

            List<StoredVector> stored = new ArrayList<>();
            repository.forEach(MiniLmEmbedder.MODEL, stored::add);
            Exact exact = new Exact(stored);

            List<float[]> asks = embedder.embed(ASKS);
            List<float[]> products = stored.stream().map(StoredVector::vector).toList();
            Recall shoppers = recall(index, exact, asks, 10);
            Recall likeThis = recall(index, exact, products, 10);
            line("");
            line("recall@10, int8 against float32, seed catalog (%,d products)", stored.size());
            line("| queries | n | mean recall@10 | queries with 10 of 10 | lowest | largest cosine error |");
            line("|---|---|---|---|---|---|");
            line(shoppers.row("shopper asks (model)"));
            line(likeThis.row("every product's vector"));
            Recall withTies = recallAllowingTies(index, exact, products, 10, 0.002f);
            line(withTies.row("every product's vector, ties within 0.002 counted"));

            line("");
            line("memory of the vectors (codes, scales, ids, with room to grow) and one scan, query vector given");
            line("| products | float32 | int8 | scan float32 p50 / p95 | scan int8 p50 / p95 |");
            line("|---|---|---|---|---|");
            line(scanRow(index, exact, asks));
            EmbeddingIndex large = synthetic(embedder, 100_000);
            line(scanRow(large, new Exact(syntheticVectors(100_000)), asks));
        }
        line("");
        line("rerun: ./mvnw -B -o -pl ai -am verify -Dtest=SemanticVectorsBenchmark"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true");
        Path file = Path.of("target", "semantic-vectors-benchmark.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** float32, normalised, scanned exactly: the reference. */
    static final class Exact {
        final long[] ids;
        final float[] data;
        final int dims;

        Exact(List<StoredVector> vectors) {
            dims = vectors.get(0).vector().length;
            ids = new long[vectors.size()];
            data = new float[vectors.size() * dims];
            for (int i = 0; i < vectors.size(); i++) {
                ids[i] = vectors.get(i).productId();
                System.arraycopy(EmbeddingIndex.normalised(vectors.get(i).vector()), 0, data, i * dims, dims);
            }
        }

        /** Ids and scores of the k nearest, best first. */
        long[] nearest(float[] query, int k, float[] scoresOut) {
            float[] q = EmbeddingIndex.normalised(query);
            long[] best = new long[k];
            float[] score = new float[k];
            Arrays.fill(score, Float.NEGATIVE_INFINITY);
            for (int row = 0, off = 0; row < ids.length; row++, off += dims) {
                float dot = 0f;
                for (int j = 0; j < dims; j++) dot += q[j] * data[off + j];
                if (dot <= score[k - 1]) continue;
                int pos = k - 1;
                while (pos > 0 && score[pos - 1] < dot) {
                    score[pos] = score[pos - 1];
                    best[pos] = best[pos - 1];
                    pos--;
                }
                score[pos] = dot;
                best[pos] = ids[row];
            }
            if (scoresOut != null) System.arraycopy(score, 0, scoresOut, 0, k);
            return best;
        }

        float cosine(float[] query, long id) {
            float[] q = EmbeddingIndex.normalised(query);
            for (int row = 0; row < ids.length; row++) {
                if (ids[row] != id) continue;
                float dot = 0f;
                for (int j = 0; j < dims; j++) dot += q[j] * data[row * dims + j];
                return dot;
            }
            return Float.NaN;
        }
    }

    record Recall(int n, double mean, double perfect, int lowest, double maxError) {
        String row(String name) {
            return String.format(
                    "| %s | %,d | %.4f | %.1f%% | %d of 10 | %.4f |", name, n, mean, perfect * 100, lowest, maxError);
        }
    }

    static Recall recall(EmbeddingIndex index, Exact exact, List<float[]> queries, int k) {
        return recallAllowingTies(index, exact, queries, k, 0f);
    }

    /**
     * With {@code tie} above 0 an int8 neighbour that is not in float32's ten still counts when its
     * float32 cosine is within {@code tie} of the tenth: the two are the same answer to a shopper.
     */
    static Recall recallAllowingTies(EmbeddingIndex index, Exact exact, List<float[]> queries, int k, float tie) {
        double sum = 0;
        int perfect = 0;
        int lowest = k;
        double maxError = 0;
        float[] scores = new float[k];
        for (float[] q : queries) {
            long[] truth = exact.nearest(q, k, scores);
            Set<Long> want = new HashSet<>();
            for (long id : truth) want.add(id);
            int found = 0;
            for (SemanticSearch.Hit h : index.nearestTo(q, k)) {
                float real = exact.cosine(q, h.productId());
                maxError = Math.max(maxError, Math.abs(real - h.score()));
                if (want.contains(h.productId()) || (tie > 0 && real >= scores[k - 1] - tie)) found++;
            }
            double r = Math.min(1.0, found / (double) k);
            sum += r;
            lowest = Math.min(lowest, Math.min(found, k));
            if (found >= k) perfect++;
        }
        return new Recall(queries.size(), sum / queries.size(), perfect / (double) queries.size(), lowest, maxError);
    }

    static String scanRow(EmbeddingIndex index, Exact exact, List<float[]> asks) {
        int n = index.size();
        double[] f = new double[400];
        double[] q = new double[400];
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < f.length; i++) {
                float[] ask = asks.get(i % asks.size());
                long t0 = System.nanoTime();
                exact.nearest(ask, 40, null);
                long t1 = System.nanoTime();
                index.nearestTo(ask, 40);
                long t2 = System.nanoTime();
                f[i] = (t1 - t0) / 1e6;
                q[i] = (t2 - t1) / 1e6;
            }
        }
        Arrays.sort(f);
        Arrays.sort(q);
        return String.format(
                "| %,d | %.1f MB | %.1f MB | %.2f / %.2f ms | %.2f / %.2f ms |",
                n,
                (exact.data.length * 4L + exact.ids.length * 8L) / 1e6,
                index.memoryBytes() / 1e6,
                f[f.length / 2],
                f[(int) (f.length * 0.95)],
                q[q.length / 2],
                q[(int) (q.length * 0.95)]);
    }

    static List<StoredVector> syntheticVectors(int n) {
        Random rnd = new Random(7);
        List<StoredVector> vectors = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            float[] v = new float[384];
            for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
            vectors.add(new StoredVector(id, v));
        }
        return vectors;
    }

    static EmbeddingIndex synthetic(TextEmbedder embedder, int n) {
        return new EmbeddingIndex(new ListedVectors(syntheticVectors(n)), embedder).loadNow();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(
                    "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    static long rssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }
}

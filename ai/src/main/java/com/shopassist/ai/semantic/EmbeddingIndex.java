package com.shopassist.ai.semantic;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.catalog.ProductEmbeddingRepository.ProductText;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic search over product embeddings held in memory (384 floats per product, normalised,
 * so cosine is a dot product) with a brute-force scan: exact, and fast enough for a store's
 * catalog without an index structure. Vectors come from PostgreSQL; products that lack one (new
 * or changed) are embedded and stored by {@link #embedMissing}. Until the model and vectors are
 * loaded, {@link #nearest} returns nothing and callers use keywords alone.
 */
public final class EmbeddingIndex implements SemanticSearch {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIndex.class);
    private static final long REFRESH_NANOS = 5L * 60 * 1_000_000_000L;

    private final ProductEmbeddingRepository repository;
    private final TextEmbedder embedder;
    private final Object writeLock = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot = new Snapshot(new long[0], new float[0], 0, 0, Map.of());
    private volatile boolean ready;
    private volatile long lastRefresh = System.nanoTime();
    private final Map<String, float[]> queryCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> e) {
            return size() > 256;
        }
    };

    /** Immutable view for readers; writers publish a new one. */
    private record Snapshot(long[] ids, float[] data, int size, int dims, Map<Long, Integer> rows) {}

    public EmbeddingIndex(ProductEmbeddingRepository repository, TextEmbedder embedder) {
        this.repository = repository;
        this.embedder = embedder;
    }

    /** Loads the model and the stored vectors, then embeds what is missing, on a daemon thread. */
    public Thread startInBackground() {
        Thread t = new Thread(
                () -> {
                    try {
                        long t0 = System.nanoTime();
                        embedder.embed(List.of("warm up"));
                        loadVectors();
                        ready = true;
                        LOG.info(
                                "semantic search ready: {} products in {} ms",
                                size(),
                                (System.nanoTime() - t0) / 1_000_000);
                        embedMissing(64);
                    } catch (RuntimeException | LinkageError e) {
                        LOG.warn("semantic search unavailable; keyword search only", e);
                    }
                },
                "semantic-index");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Loads the model and the vectors on this thread (tests, benchmarks, the seed hook). */
    public EmbeddingIndex loadNow() {
        embedder.embed(List.of("warm up"));
        loadVectors();
        ready = true;
        return this;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    public int size() {
        return snapshot.size();
    }

    /** Replaces the in-memory vectors with the stored ones. */
    public void loadVectors() {
        List<StoredVector> all = new ArrayList<>();
        repository.forEach(embedder.modelName(), all::add);
        synchronized (writeLock) {
            snapshot = build(all);
        }
    }

    /**
     * Embeds and stores every active product without an up-to-date vector, {@code batch} at a
     * time, adding each batch to the index. Returns how many were embedded.
     */
    public int embedMissing(int batch) {
        return embedMissing(batch, Integer.MAX_VALUE);
    }

    /** As {@link #embedMissing(int)}, stopping after about {@code max} products. */
    public int embedMissing(int batch, int max) {
        int done = 0;
        while (done < max) {
            List<ProductText> todo = repository.missing(embedder.modelName(), Math.max(1, Math.min(batch, max - done)));
            if (todo.isEmpty()) break;
            List<float[]> vectors =
                    embedder.embed(todo.stream().map(ProductText::text).toList());
            List<StoredVector> stored = new ArrayList<>(todo.size());
            for (int i = 0; i < todo.size(); i++)
                stored.add(new StoredVector(todo.get(i).productId(), vectors.get(i)));
            repository.save(embedder.modelName(), stored);
            add(stored);
            done += stored.size();
            if (todo.size() < Math.min(batch, max - done + stored.size())) break;
        }
        lastRefresh = System.nanoTime();
        return done;
    }

    /** Adds (or replaces) vectors in memory. */
    public void add(List<StoredVector> vectors) {
        synchronized (writeLock) {
            Snapshot s = snapshot;
            List<StoredVector> fresh = new ArrayList<>();
            for (StoredVector v : vectors) {
                Integer row = s.rows().get(v.productId());
                if (row != null && s.dims() == v.vector().length) {
                    // replace in place: a reader mid-scan sees the old or the new vector, either is fine
                    float[] n = normalised(v.vector());
                    System.arraycopy(n, 0, s.data(), row * s.dims(), s.dims());
                } else {
                    fresh.add(v);
                }
            }
            if (fresh.isEmpty()) return;
            List<StoredVector> all = new ArrayList<>(s.size() + fresh.size());
            for (int i = 0; i < s.size(); i++) {
                all.add(new StoredVector(s.ids()[i], Arrays.copyOfRange(s.data(), i * s.dims(), (i + 1) * s.dims())));
            }
            all.addAll(fresh);
            snapshot = build(all);
        }
    }

    private static Snapshot build(List<StoredVector> vectors) {
        if (vectors.isEmpty()) return new Snapshot(new long[0], new float[0], 0, 0, Map.of());
        int dims = vectors.get(0).vector().length;
        long[] ids = new long[vectors.size()];
        float[] data = new float[vectors.size() * dims];
        Map<Long, Integer> rows = new HashMap<>(vectors.size() * 2);
        int n = 0;
        for (StoredVector v : vectors) {
            if (v.vector().length != dims) continue;
            Integer existing = rows.get(v.productId());
            int row = existing != null ? existing : n++;
            ids[row] = v.productId();
            System.arraycopy(normalised(v.vector()), 0, data, row * dims, dims);
            rows.put(v.productId(), row);
        }
        return new Snapshot(ids, data, n, dims, rows);
    }

    static float[] normalised(float[] v) {
        double sum = 0;
        for (float f : v) sum += (double) f * f;
        double norm = Math.sqrt(sum);
        float[] out = new float[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }

    @Override
    public List<Hit> nearest(String text, int k) {
        if (!ready || text == null || text.isBlank() || k <= 0) return List.of();
        Snapshot s = snapshot;
        if (s.size() == 0) return List.of();
        maybeRefresh();
        float[] q = queryVector(text.length() > 300 ? text.substring(0, 300) : text);
        if (q.length != s.dims()) return List.of();
        return scan(s, q, k);
    }

    private float[] queryVector(String text) {
        String key = text.trim().toLowerCase(java.util.Locale.ROOT);
        synchronized (queryCache) {
            float[] hit = queryCache.get(key);
            if (hit != null) return hit;
        }
        float[] v = normalised(embedder.embed(List.of(key)).get(0));
        synchronized (queryCache) {
            queryCache.put(key, v);
        }
        return v;
    }

    /** The k best rows by dot product: a bounded insertion list, k is small. */
    private static List<Hit> scan(Snapshot s, float[] q, int k) {
        int d = s.dims();
        float[] data = s.data();
        int keep = Math.min(k, s.size());
        long[] bestId = new long[keep];
        float[] bestScore = new float[keep];
        Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
        float floor = Float.NEGATIVE_INFINITY;
        for (int row = 0, off = 0; row < s.size(); row++, off += d) {
            float dot = 0f;
            for (int j = 0; j < d; j++) dot += q[j] * data[off + j];
            if (dot <= floor) continue;
            int pos = keep - 1;
            while (pos > 0 && bestScore[pos - 1] < dot) {
                bestScore[pos] = bestScore[pos - 1];
                bestId[pos] = bestId[pos - 1];
                pos--;
            }
            bestScore[pos] = dot;
            bestId[pos] = s.ids()[row];
            floor = bestScore[keep - 1];
        }
        List<Hit> out = new ArrayList<>(keep);
        for (int i = 0; i < keep; i++) {
            if (bestScore[i] == Float.NEGATIVE_INFINITY) break;
            out.add(new Hit(bestId[i], bestScore[i]));
        }
        return out;
    }

    /** New or changed products get their vectors a few minutes later, off the caller's thread. */
    private void maybeRefresh() {
        if (System.nanoTime() - lastRefresh < REFRESH_NANOS || !refreshing.compareAndSet(false, true)) return;
        Thread t = new Thread(
                () -> {
                    try {
                        embedMissing(64);
                    } catch (RuntimeException e) {
                        LOG.warn("embedding new products failed; will retry later", e);
                        lastRefresh = System.nanoTime();
                    } finally {
                        refreshing.set(false);
                    }
                },
                "semantic-refresh");
        t.setDaemon(true);
        t.start();
    }
}

package com.shopassist.ai.semantic;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.catalog.ProductEmbeddingRepository.ProductText;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic search over product embeddings held in memory as int8 codes ({@link Int8Vectors}: 384
 * bytes a product) with a brute-force scan: exact over the codes, and fast enough for a store's
 * catalog without an index structure. Vectors come from PostgreSQL (float32); products that lack
 * one (new or changed) are embedded and stored by {@link #embedMissing}. Until the model and
 * vectors are loaded, {@link #nearest} returns nothing and callers use keywords alone.
 */
public final class EmbeddingIndex implements SemanticSearch {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIndex.class);
    private static final long REFRESH_NANOS = 5L * 60 * 1_000_000_000L;

    private final ProductEmbeddingRepository repository;
    private final TextEmbedder embedder;
    private final Object writeLock = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final CompletableFuture<Void> readyFuture = new CompletableFuture<>();
    private volatile Int8Vectors vectors = new Int8Vectors(0);
    private volatile boolean ready;
    private volatile long lastRefresh = System.nanoTime();
    private final Map<String, Int8Vectors.Query> queryCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Int8Vectors.Query> e) {
            return size() > 256;
        }
    };

    public EmbeddingIndex(ProductEmbeddingRepository repository, TextEmbedder embedder) {
        this.repository = repository;
        this.embedder = embedder;
    }

    /** Loads the model and the stored vectors, then embeds what is missing, on a daemon thread. */
    public Thread startInBackground() {
        return startInBackground(CompletableFuture.completedFuture(null));
    }

    /**
     * As {@link #startInBackground()}, but the loading waits for {@code after} (the desktop app
     * passes "the window is up and the first answer could be given"): the model costs about a
     * second of CPU on a two-core kiosk, which the start itself needs more. A failed {@code after}
     * starts the loading too.
     */
    public Thread startInBackground(CompletionStage<?> after) {
        Thread t = new Thread(
                () -> {
                    try {
                        after.toCompletableFuture().handle((v, e) -> null).join();
                        long t0 = System.nanoTime();
                        embedder.embed(List.of("warm up"));
                        loadVectors();
                        markReady();
                        LOG.info(
                                "semantic search ready: {} products ({} KB of int8 vectors) in {} ms",
                                size(),
                                memoryBytes() / 1024,
                                (System.nanoTime() - t0) / 1_000_000);
                        embedMissing(64);
                    } catch (RuntimeException | LinkageError e) {
                        readyFuture.completeExceptionally(e);
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
        markReady();
        return this;
    }

    private void markReady() {
        ready = true;
        readyFuture.complete(null);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public CompletionStage<Void> whenReady() {
        return readyFuture;
    }

    public int size() {
        return vectors.size();
    }

    /** Bytes the in-memory vectors take (codes, scales, ids; spare room included). */
    public long memoryBytes() {
        return vectors.view().bytes();
    }

    /** Replaces the in-memory vectors with the stored ones. */
    public void loadVectors() {
        // room for what is stored at once: growing by copies would briefly hold the catalog twice
        long stored = repository.count(embedder.modelName());
        Int8Vectors fresh = new Int8Vectors((int) Math.min(Integer.MAX_VALUE / 512, stored + 64));
        repository.forEach(embedder.modelName(), v -> fresh.put(v.productId(), v.vector()));
        synchronized (writeLock) {
            vectors = fresh;
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
            List<float[]> embedded =
                    embedder.embed(todo.stream().map(ProductText::text).toList());
            List<StoredVector> stored = new ArrayList<>(todo.size());
            for (int i = 0; i < todo.size(); i++)
                stored.add(new StoredVector(todo.get(i).productId(), embedded.get(i)));
            repository.save(embedder.modelName(), stored);
            add(stored);
            done += stored.size();
            if (todo.size() < Math.min(batch, max - done + stored.size())) break;
        }
        lastRefresh = System.nanoTime();
        return done;
    }

    /** Adds (or replaces) vectors in memory. */
    public void add(List<StoredVector> added) {
        synchronized (writeLock) {
            Int8Vectors v = vectors;
            for (StoredVector s : added) v.put(s.productId(), s.vector());
        }
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
        Int8Vectors.View v = vectors.view();
        if (v.size() == 0) return List.of();
        maybeRefresh();
        return Int8Vectors.nearest(v, queryVector(text.length() > 300 ? text.substring(0, 300) : text), k);
    }

    /** The nearest rows to a query vector (benchmarks compare this with an exact float32 scan). */
    List<Hit> nearestTo(float[] query, int k) {
        return Int8Vectors.nearest(vectors.view(), Int8Vectors.Query.of(query), k);
    }

    private Int8Vectors.Query queryVector(String text) {
        String key = text.trim().toLowerCase(java.util.Locale.ROOT);
        synchronized (queryCache) {
            Int8Vectors.Query hit = queryCache.get(key);
            if (hit != null) return hit;
        }
        Int8Vectors.Query q = Int8Vectors.Query.of(embedder.embed(List.of(key)).get(0));
        synchronized (queryCache) {
            queryCache.put(key, q);
        }
        return q;
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

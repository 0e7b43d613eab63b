package com.shopassist.ai.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) running in process: no network, English only.
 * The model costs about 0.8 s and 230 MB to load, so it loads on first use, not at start-up.
 */
public final class MiniLmEmbedder implements TextEmbedder, AutoCloseable {

    public static final String MODEL = "all-minilm-l6-v2-q";
    private final int threads;
    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;
    private ExecutorService executor;

    /** @param threads how many texts to embed at once in a batch (the machine has few cores: keep it small) */
    public MiniLmEmbedder(int threads) {
        this.threads = Math.max(1, threads);
    }

    public MiniLmEmbedder() {
        this(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    @Override
    public String modelName() {
        return MODEL;
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    executor = Executors.newFixedThreadPool(threads, r -> {
                        Thread t = new Thread(r, "embedding");
                        t.setDaemon(true);
                        return t;
                    });
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
                }
                m = model;
            }
        }
        return m;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) segments.add(TextSegment.from(t == null || t.isBlank() ? "-" : t));
        List<Embedding> out = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(out.size());
        for (Embedding e : out) vectors.add(e.vector());
        return vectors;
    }

    @Override
    public synchronized void close() {
        if (executor != null) executor.shutdownNow();
    }
}

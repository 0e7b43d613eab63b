package com.shopassist.ai.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) running in process: no network, English only.
 * Loaded on first use, not at start-up.
 *
 * <p>The model is the one LangChain4j ships, but opened leaner than its own class does
 * (decision 0076): from a file (copied out of the jar once), not from a byte array on the heap
 * (that read grows a 23 MB array by doubling and leaves the heap about 80 MB larger), with
 * onnxruntime's arena allocator off and one thread per text (the arena keeps the peak of every
 * batch; two cores are better spent on two texts at once than on one). Same vectors.
 */
public final class MiniLmEmbedder implements TextEmbedder, AutoCloseable {

    public static final String MODEL = "all-minilm-l6-v2-q";
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final int threads;
    private final Path cacheDir;
    private volatile Model model;
    private ExecutorService executor;

    /** LangChain4j's embedding loop (batching, pooling) over a session opened here. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder, ExecutorService executor) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    /**
     * @param threads how many texts to embed at once in a batch (the machine has few cores: keep it small)
     * @param cacheDir where the model file is copied out of the jar (once per version)
     */
    public MiniLmEmbedder(int threads, Path cacheDir) {
        this.threads = Math.max(1, threads);
        this.cacheDir = cacheDir;
    }

    public MiniLmEmbedder(int threads) {
        this(threads, defaultCacheDir());
    }

    public MiniLmEmbedder() {
        this(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * This user's cache folder (a file another user could replace is never opened): {@code
     * $XDG_CACHE_HOME/shopassist} or {@code ~/.cache/shopassist} on Linux, {@code
     * ~/Library/Caches/ShopAssist} on macOS, {@code %LOCALAPPDATA%\ShopAssist\cache} on Windows.
     */
    static Path defaultCacheDir() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve("ShopAssist/cache");
        }
        if (os.contains("mac")) return home.resolve("Library/Caches/ShopAssist");
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("shopassist");
    }

    @Override
    public String modelName() {
        return MODEL;
    }

    private Model model() {
        Model m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) model = open();
                m = model;
            }
        }
        return m;
    }

    private Model open() {
        ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
        Path file = ModelFile.extract(loader.getResource(MODEL_RESOURCE), cacheDir, MODEL_RESOURCE);
        try (InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (tokenizer == null) throw new IllegalStateException("the tokenizer of " + MODEL + " is not in the jar");
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setCPUArenaAllocator(false);
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtSession session = env.createSession(file.toString(), options);
                executor = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "embedding");
                    t.setDaemon(true);
                    return t;
                });
                return new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN), executor);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model could not be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * Stops the embedding threads. The onnxruntime session stays open: freeing it while a
     * background batch is still inside it crashes the JVM at exit, and the process's end frees it.
     */
    @Override
    public synchronized void close() {
        if (executor != null) executor.shutdownNow();
    }

    /** The model file on disk, copied out of the jar when missing or not the same. */
    static final class ModelFile {
        private ModelFile() {}

        static Path extract(URL resource, Path dir, String name) {
            if (resource == null) throw new IllegalStateException(name + " is not in the jar");
            try {
                var connection = resource.openConnection();
                long size = connection.getContentLengthLong();
                Path target = dir.resolve(size + "-" + name);
                if (Files.isRegularFile(target) && Files.size(target) == size) return target;
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, name, ".part");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    // another start may have copied it meanwhile: either copy is whole
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("the embedding model could not be copied to " + dir, e);
            }
        }
    }
}

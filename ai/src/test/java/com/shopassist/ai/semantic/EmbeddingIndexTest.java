package com.shopassist.ai.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EmbeddingIndexTest {

    /** Two stored products; counts how often the model ran. */
    static final class Fakes implements ProductEmbeddingRepository, TextEmbedder {
        final AtomicInteger embedCalls = new AtomicInteger();

        @Override
        public String modelName() {
            return "fake";
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            embedCalls.incrementAndGet();
            return texts.stream().map(t -> new float[] {1, 0, 0}).toList();
        }

        @Override
        public List<ProductText> missing(String model, int limit) {
            return List.of();
        }

        @Override
        public void save(String model, List<StoredVector> vectors) {}

        @Override
        public void forEach(String model, Consumer<StoredVector> sink) {
            sink.accept(new StoredVector(1, new float[] {1, 0, 0}));
            sink.accept(new StoredVector(2, new float[] {0, 1, 0}));
        }

        @Override
        public long count(String model) {
            return 2;
        }
    }

    @Test
    void aDeferredStartLoadsNothingUntilItsSignalThenBecomesReady() throws Exception {
        Fakes fakes = new Fakes();
        EmbeddingIndex index = new EmbeddingIndex(fakes, fakes);
        CompletableFuture<Void> windowUp = new CompletableFuture<>();
        Thread loader = index.startInBackground(windowUp);
        Thread.sleep(200);
        assertThat(fakes.embedCalls).hasValue(0);
        assertThat(index.ready()).isFalse();
        assertThat(index.nearest("anything", 3)).isEmpty();

        windowUp.complete(null);
        index.whenReady().toCompletableFuture().get(5, TimeUnit.SECONDS);
        loader.join(5_000);
        assertThat(index.ready()).isTrue();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.nearest("anything", 1).get(0).productId()).isEqualTo(1L);
    }

    @Test
    void aFailedSignalStillStartsTheLoading() throws Exception {
        Fakes fakes = new Fakes();
        EmbeddingIndex index = new EmbeddingIndex(fakes, fakes);
        index.startInBackground(CompletableFuture.failedFuture(new IllegalStateException("window failed")));
        index.whenReady().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(index.ready()).isTrue();
    }
}

package com.shopassist.ai.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddingIndexTest {

    /** Counts how often the model ran; every text means the same. */
    static final class CountingEmbedder implements TextEmbedder {
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
    }

    static final ListedVectors TWO_PRODUCTS = new ListedVectors(
            List.of(new StoredVector(1, new float[] {1, 0, 0}), new StoredVector(2, new float[] {0, 1, 0})));

    @Test
    void aDeferredStartLoadsNothingUntilItsSignalThenBecomesReady() throws Exception {
        CountingEmbedder fakes = new CountingEmbedder();
        EmbeddingIndex index = new EmbeddingIndex(TWO_PRODUCTS, fakes);
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
        EmbeddingIndex index = new EmbeddingIndex(TWO_PRODUCTS, new CountingEmbedder());
        index.startInBackground(CompletableFuture.failedFuture(new IllegalStateException("window failed")));
        index.whenReady().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(index.ready()).isTrue();
    }
}

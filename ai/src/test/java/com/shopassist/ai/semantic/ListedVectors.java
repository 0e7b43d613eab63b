package com.shopassist.ai.semantic;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import java.util.List;
import java.util.function.Consumer;

/** Stored vectors for tests and benchmarks: a fixed list, nothing missing, saves ignored. */
record ListedVectors(List<StoredVector> vectors) implements ProductEmbeddingRepository {

    @Override
    public List<ProductText> missing(String model, int limit) {
        return List.of();
    }

    @Override
    public void save(String model, List<StoredVector> v) {}

    @Override
    public void forEach(String model, Consumer<StoredVector> sink) {
        vectors.forEach(sink);
    }

    @Override
    public long count(String model) {
        return vectors.size();
    }
}

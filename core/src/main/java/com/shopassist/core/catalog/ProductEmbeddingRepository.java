package com.shopassist.core.catalog;

import java.util.List;
import java.util.function.Consumer;

/**
 * Port: product embeddings (vectors of meaning) stored beside the catalog, one per product for
 * the model in use. Semantic search loads them into memory and compares in process; the store
 * only keeps them and says which products still need one.
 */
public interface ProductEmbeddingRepository {

    /** What to embed for one product: its name, brand, category and description in one text. */
    record ProductText(long productId, String text) {}

    /** One stored vector (not normalised). */
    record StoredVector(long productId, float[] vector) {}

    /**
     * Active products with no embedding from {@code model}, or with one older than the product's
     * last change, lowest id first, at most {@code limit}.
     */
    List<ProductText> missing(String model, int limit);

    /** Inserts or replaces the vectors (one transaction per call). */
    void save(String model, List<StoredVector> vectors);

    /** Hands every stored vector of {@code model} for an active product to {@code sink}, row by row. */
    void forEach(String model, Consumer<StoredVector> sink);

    /** How many active products have an up-to-date embedding from {@code model}. */
    long count(String model);
}

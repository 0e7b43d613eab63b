package com.shopassist.ai.semantic;

import java.util.List;

/**
 * Meaning-based product search without the network ("something to keep coffee hot" finds a
 * thermos). Implementations must answer fast and never throw: while the model or the vectors are
 * still loading they return nothing, and callers fall back to the keyword path alone.
 */
public interface SemanticSearch {

    /** Up to {@code k} products nearest in meaning to {@code text}, best first; empty when not ready. */
    List<Hit> nearest(String text, int k);

    /** True once the model and the vectors are loaded. */
    boolean ready();

    /** A product and its cosine similarity to the query (-1..1). */
    record Hit(long productId, double score) {}
}

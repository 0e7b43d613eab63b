package com.shopassist.core.catalog;

import java.util.List;

/**
 * Port: meaning-based product search without the network ("something to keep coffee hot" finds a
 * thermos). Implementations answer fast and never throw: while their model or vectors are still
 * loading they return nothing, and callers use keywords alone.
 */
public interface SemanticIndex {

    /** Up to {@code k} products nearest in meaning to {@code text}, best first; empty when not ready. */
    List<Hit> nearest(String text, int k);

    /** True once the model and the vectors are loaded. */
    boolean ready();

    /** A product and its cosine similarity to the query (-1..1). */
    record Hit(long productId, double score) {}
}

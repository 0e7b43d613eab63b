package com.shopassist.ai.semantic;

import com.shopassist.core.catalog.SemanticIndex;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Meaning-based product search without the network, as the core's search and gift services use
 * it (through {@link SemanticIndex}). Implementations must answer fast and never throw: while the
 * model or the vectors are still loading they return nothing, and callers fall back to the keyword
 * path alone.
 */
public interface SemanticSearch extends SemanticIndex {

    /**
     * Completes when the model and the vectors are loaded (exceptionally when they cannot be);
     * what waits for it (a start-up measurement) should not wait forever.
     */
    default CompletionStage<Void> whenReady() {
        return ready() ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
    }
}

package com.shopassist.ai.semantic;

import com.shopassist.core.catalog.SemanticIndex;

/**
 * Meaning-based product search without the network, as the core's search and gift services use
 * it (through {@link SemanticIndex}). Implementations must answer fast and never throw: while the
 * model or the vectors are still loading they return nothing, and callers fall back to the keyword
 * path alone.
 */
public interface SemanticSearch extends SemanticIndex {}

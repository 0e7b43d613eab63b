package com.shopassist.ai.semantic;

import java.util.List;

/** Turns texts into vectors of meaning. Implementations are thread-safe. */
public interface TextEmbedder {

    /** Stored beside every vector: vectors of different models never mix. */
    String modelName();

    List<float[]> embed(List<String> texts);
}

package com.shopassist.app.cli;

import com.shopassist.ai.semantic.EmbeddingIndex;
import com.shopassist.ai.semantic.MiniLmEmbedder;
import com.shopassist.app.AppContext;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import java.io.PrintStream;

/**
 * Runs after {@code db seed} (and the first-start seed): computes the product embeddings for
 * semantic search so the first shopper does not wait for them. Catalogs beyond
 * {@code semantic.seed-limit} products (default 20,000) are embedded up to that many now and the
 * rest in the background on first use. A failure here never fails the seed: semantic search
 * then computes what is missing later, and keyword search works regardless.
 */
public final class SeedHooks {
    private SeedHooks() {}

    public static void afterSeed(AppContext ctx, PrintStream out) {
        if ("off".equalsIgnoreCase(ctx.setting("assistant.semantic", "SHOPASSIST_SEMANTIC", "on"))) return;
        int limit = ctx.intSetting("semantic.seed-limit", "SHOPASSIST_SEMANTIC_SEED_LIMIT", 20_000);
        long t0 = System.nanoTime();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            PgProductEmbeddingRepository repository = new PgProductEmbeddingRepository(ctx.database());
            EmbeddingIndex index = new EmbeddingIndex(repository, embedder);
            int done = index.embedMissing(128, limit);
            long total = repository.count(MiniLmEmbedder.MODEL);
            out.printf(
                    "Semantic search: embedded %,d products (%,d ready) with %s in %.1f s%n",
                    done, total, MiniLmEmbedder.MODEL, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | LinkageError e) {
            out.println("Semantic search: embeddings not computed now ("
                    + e.getClass().getSimpleName()
                    + "); they are computed on first use, and keyword search works meanwhile.");
        }
    }
}

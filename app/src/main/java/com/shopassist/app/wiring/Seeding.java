package com.shopassist.app.wiring;

import com.shopassist.ai.semantic.EmbeddingIndex;
import com.shopassist.ai.semantic.MiniLmEmbedder;
import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.seed.SeedRunMapper;
import com.shopassist.data.seed.Seeder;
import java.io.PrintStream;

/**
 * The demo catalog: seeding an empty embedded database on first start, and after any seed
 * computing the product embeddings for semantic search so the first shopper does not wait for
 * them. Catalogs beyond {@code semantic.seed-limit} products (default 20,000) are embedded up to
 * that many now and the rest in the background on first use. A failure to embed never fails the
 * seed: semantic search then computes what is missing later, and keyword search works regardless.
 */
public final class Seeding {
    private Seeding() {}

    /** Seeds the standard demo when the (embedded) database is empty; used on first start. */
    static void seedIfEmpty(AppWiring app, PrintStream out) {
        Database db = app.database();
        // asked of the mapper, not a Seeder: building one loads the whole demo vocabulary, which
        // every later start of a kiosk would pay for only to learn that nothing needs seeding
        if (db.mapper(SeedRunMapper.class).nonEmptyShopTables() > 0) return;
        Seeder seeder = new Seeder(db, app.clock());
        out.println("First start: filling the embedded database with the demo catalog...");
        Seeder.Report r = seeder.seed(Seeder.STANDARD_CATALOG_SIZE);
        out.println(describe(db, r));
        afterSeed(app, out);
        // the seed's garbage (demo vocabulary, COPY buffers) would keep the heap grown for the
        // whole day of a kiosk; a full collection now lets the JVM give that memory back
        System.gc();
    }

    /** Computes the embeddings of the products just seeded (unless semantic search is off). */
    public static void afterSeed(AppWiring app, PrintStream out) {
        if (!app.semanticSearchWanted()) return;
        int limit = app.intSetting("semantic.seed-limit", "SHOPASSIST_SEMANTIC_SEED_LIMIT", 20_000);
        long t0 = System.nanoTime();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            ProductEmbeddingRepository repository = app.repositories().embeddings();
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

    /** One line on what a seed did. */
    public static String describe(Database db, Seeder.Report r) {
        return String.format(
                "Seeded %s: %,d products in %d categories from %d brands, %d vouchers, %d customers, %d orders"
                        + " (%.1f s)",
                db.settings().safeUrl(),
                r.products(),
                r.categories(),
                r.brands(),
                r.vouchers(),
                r.customers(),
                r.orders(),
                r.took().toMillis() / 1000.0);
    }
}

package com.shopassist.ai.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.TestTools;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.db.Database;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real MiniLM model, vectors stored in PostgreSQL and the in-memory index. To stay fast it
 * embeds a slice of the seed catalog (bottles, coffee, vacuums, floor lamps, dog food): enough
 * for "something to keep coffee hot" to have a right answer and several wrong ones.
 */
class SemanticSearchIT {

    static Database db;
    static PgProductEmbeddingRepository stored;
    static EmbeddingIndex index;
    static MiniLmEmbedder embedder;
    static int embedded;
    static final List<String> SLICE = List.of("Drinking Bottle", "Coffee", "Vacuum", "Floor Lamp", "Dog Food");

    /** The store, narrowed to the slice so the test embeds a hundred-odd products, not 1,200. */
    record Slice(ProductEmbeddingRepository inner) implements ProductEmbeddingRepository {
        @Override
        public List<ProductText> missing(String model, int limit) {
            List<ProductText> out = new ArrayList<>();
            for (ProductText p : inner.missing(model, 2000)) {
                if (SLICE.stream().anyMatch(p.text()::contains)) out.add(p);
                if (out.size() == limit) break;
            }
            return out;
        }

        @Override
        public void save(String model, List<StoredVector> vectors) {
            inner.save(model, vectors);
        }

        @Override
        public void forEach(String model, Consumer<StoredVector> sink) {
            inner.forEach(model, sink);
        }

        @Override
        public long count(String model) {
            return inner.count(model);
        }
    }

    @BeforeAll
    static void up() {
        db = TestDatabase.freshSeeded();
        stored = new PgProductEmbeddingRepository(db);
        embedder = new MiniLmEmbedder();
        index = new EmbeddingIndex(new Slice(stored), embedder).loadNow();
        embedded = index.embedMissing(64);
    }

    @AfterAll
    static void down() {
        embedder.close();
        db.close();
    }

    static long scalar(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String name(long productId) {
        return CommerceServices.create(db)
                .catalog()
                .product(productId)
                .orElseThrow()
                .name();
    }

    @Test
    void theSliceIsEmbeddedStoredAndLoaded() throws Exception {
        assertThat(embedded).isBetween(50, 600);
        assertThat(scalar("SELECT count(*) FROM tbl_product_embedding")).isEqualTo(embedded);
        assertThat(scalar("SELECT count(*) FROM tbl_product_embedding WHERE dims = 384 AND length(embedding) = 1536"))
                .isEqualTo(embedded);
        assertThat(index.size()).isEqualTo(embedded);
        assertThat(index.ready()).isTrue();
    }

    @Test
    void somethingToKeepCoffeeHotIsNearestToAnInsulatedBottle() {
        List<SemanticSearch.Hit> hits = index.nearest("something to keep coffee hot", 3);
        assertThat(hits).hasSize(3);
        assertThat(name(hits.get(0).productId())).contains("Drinking Bottle");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(2).score() - 1e-9);
        assertThat(name(index.nearest("something to clean the floor", 1).get(0).productId()))
                .contains("Vacuum");
    }

    @Test
    void theToolRanksMeaningFirstWhenTheKeywordsOnlyPartlyMatch() {
        CommerceServices s = CommerceServices.create(db);
        ToolRegistry tools = TestTools.over(s, index);
        ChatContext guest = new ChatContext(
                UUID.randomUUID(), CartOwner.guest("g-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
        ToolResult withMeaning = tools.call(guest, "search_products", search(null));
        assertThat(withMeaning.ok()).isTrue();
        assertThat(withMeaning.products().get(0).name()).contains("Drinking Bottle");
        ToolRegistry keywordsOnly = TestTools.over(s);
        ToolResult without = keywordsOnly.call(guest, "search_products", search(null));
        assertThat(without.products()).isNotEmpty().noneMatch(p -> p.name().contains("Drinking Bottle"));
        // a price filter applies to the meaning-based neighbours too
        ToolResult cheap = tools.call(guest, "search_products", search(100_000L));
        assertThat(cheap.products()).allMatch(p -> p.price().toLong() <= 100_000);
    }

    private static Args search(Long maxPrice) {
        return Args.of(
                "query",
                "keep coffee hot",
                "meaning",
                "something to keep coffee hot",
                "max_price",
                maxPrice,
                "limit",
                5);
    }

    @Test
    void aChangedProductNeedsANewVector() throws Exception {
        long id = index.nearest("drinking bottle", 1).get(0).productId();
        long before = stored.count(MiniLmEmbedder.MODEL);
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("UPDATE tbl_product SET updated_at = now() + interval '1 minute' WHERE product_id = " + id);
        }
        assertThat(stored.missing(MiniLmEmbedder.MODEL, 2000)).anyMatch(p -> p.productId() == id);
        assertThat(stored.count(MiniLmEmbedder.MODEL)).isEqualTo(before - 1);
        List<ProductEmbeddingRepository.StoredVector> all = new ArrayList<>();
        stored.forEach(MiniLmEmbedder.MODEL, all::add);
        assertThat(all).hasSize((int) before).allMatch(v -> v.vector().length == 384);
    }

    @Test
    void beforeItIsReadyTheIndexAnswersNothingAndNeverThrows() {
        EmbeddingIndex cold = new EmbeddingIndex(stored, embedder);
        assertThat(cold.ready()).isFalse();
        assertThat(cold.nearest("anything", 5)).isEmpty();
        assertThat(index.nearest("", 5)).isEmpty();
        assertThat(index.nearest(null, 5)).isEmpty();
        assertThat(index.nearest("x".repeat(10_000), 5)).hasSize(5);
    }
}

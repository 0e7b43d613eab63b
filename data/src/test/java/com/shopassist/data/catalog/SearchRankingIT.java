package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.Page;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relevance in two phases (decision 0016): the quick score for every hit, the full score for the
 * 200 best by it. 260 lamps whose quick and full scores disagree on the order.
 */
class SearchRankingIT {

    static final int LAMPS = 260;
    static final int RERANKED = 200;
    static Database db;
    static CommerceFixture fx;
    static MyBatisCatalogRepository repo;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        long lights = fx.category("Lights", "Lampu");
        // four kinds of match: twice in the name, once in the name, only in the description (5 to
        // 15 times, "shade" in 1 of 3), only in the department. ts_rank_cd adds up every
        // occurrence, ts_rank hardly counts repeats: the two scores order these differently.
        fx.exec("INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand, retail_price,"
                + " department, description, stock_quantity)"
                + " SELECT " + lights + ", 'LAMP-' || g,"
                + " CASE g % 4 WHEN 0 THEN 'Lamp Desk Lamp ' || g WHEN 1 THEN 'Model ' || g || ' Lamp'"
                + "   ELSE 'Model ' || g || ' Light' END,"
                + " 'Lumo', 100000 + g, CASE WHEN g % 4 = 3 THEN 'Lamp' ELSE 'Home' END,"
                + " CASE WHEN g % 4 = 2 THEN repeat('lamp ', 5 + g % 11)"
                + "     || CASE WHEN g % 3 = 0 THEN 'shade' ELSE 'bulb' END"
                + "   ELSE 'Warm light' END, 5"
                + " FROM generate_series(1, " + LAMPS + ") g");
        repo = new MyBatisCatalogRepository(db.mapper(CatalogMapper.class));
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void theBestTwoHundredByTheQuickScoreComeFirstInFullScoreOrderThenTheRestByTheQuickScore() throws SQLException {
        Map<Long, Double> full = scores("ts_rank_cd(search_vector, websearch_to_tsquery('english', 'lamp')) * 4"
                + " + ts_rank(search_vector, to_tsquery('english', 'lamp:*'))");
        Map<Long, Double> quick = scores("ts_rank(search_vector, websearch_to_tsquery('english', 'lamp')) * 4"
                + " + ts_rank(search_vector, to_tsquery('english', 'lamp:*'))");
        List<Long> order = allPages("lamp");
        assertThat(order).hasSize(LAMPS);

        List<Long> top = order.subList(0, RERANKED);
        List<Long> rest = order.subList(RERANKED, LAMPS);
        assertThat(top).isSortedAccordingTo((a, b) -> byScoreThenId(full, a, b));
        assertThat(rest).isSortedAccordingTo((a, b) -> byScoreThenId(quick, a, b));
        double worstOfTop = top.stream().mapToDouble(quick::get).min().orElseThrow();
        assertThat(rest).allSatisfy(id -> assertThat(quick.get(id)).isLessThanOrEqualTo(worstOfTop));
        // the data must tell the two scores apart, or this test could not fail
        assertThat(top)
                .isNotEqualTo(top.stream()
                        .sorted((a, b) -> byScoreThenId(quick, a, b))
                        .toList());
    }

    @Test
    void pagingThroughMoreHitsThanAreRerankedShowsEveryProductOnceWithTheSameTotal() {
        List<Long> seen = new ArrayList<>();
        for (int page = 1; page <= LAMPS / 20 + 1; page++) {
            Page<Product> p = repo.search(ProductQuery.text("lamp").withPage(page, 20), Instant.now());
            assertThat(p.total()).isEqualTo(LAMPS);
            p.items().forEach(item -> seen.add(item.id()));
        }
        assertThat(seen).hasSize(LAMPS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen))
                .containsExactlyInAnyOrderElementsOf(scores("0").keySet());
    }

    @Test
    void excludedWordsApplyToPartialWordsToo() {
        long withShade = fx.queryLong("SELECT count(*) FROM tbl_product WHERE description LIKE '%shade%'");
        assertThat(withShade).isPositive();
        // "lam" is only a prefix: the prefix branch alone finds the lamps, and must leave out "shade"
        Page<Product> page = repo.search(ProductQuery.text("lam -shade").withPage(1, 100), Instant.now());
        assertThat(page.total()).isEqualTo(LAMPS - withShade);
        assertThat(page.items()).noneMatch(p -> p.description().contains("shade"));
    }

    static int byScoreThenId(Map<Long, Double> score, long a, long b) {
        int c = Double.compare(score.get(b), score.get(a));
        return c != 0 ? c : Long.compare(a, b);
    }

    static List<Long> allPages(String text) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<Product> p = repo.search(ProductQuery.text(text).withPage(page, 20), Instant.now());
            if (p.items().isEmpty()) return ids;
            p.items().forEach(item -> ids.add(item.id()));
        }
    }

    /** Every lamp's score by the SQL expression, computed as the search computes it (float4). */
    static Map<Long, Double> scores(String expression) {
        Map<Long, Double> scores = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT product_id, " + expression
                        + " FROM tbl_product WHERE search_vector @@ websearch_to_tsquery('english', 'lamp')"
                        + " OR search_vector @@ to_tsquery('english', 'lamp:*')");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) scores.put(rs.getLong(1), rs.getDouble(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return scores;
    }
}

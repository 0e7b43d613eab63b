package com.shopassist.data.catalog;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.data.CommerceBenchmark;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.BenchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How much of the exact search's first page the bounded search keeps (decision 0109): for each of
 * the benchmark's ten searches, the ids of the bounded search's top 20 against those of the same
 * statement ranking every hit (bound lifted, no name source: the search before 0109). Same
 * databases and properties as {@code SearchAtScaleBenchmark}:
 *
 * <pre>
 * ./mvnw -B -o -pl data -am verify -Dtest=BoundedSearchOverlapBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dspotless.skip=true -Djacoco.skip=true -Dbench.db.user=... -Dbench.db.password=... -Dbench.db.urls=...
 * </pre>
 */
class BoundedSearchOverlapBenchmark {

    @Test
    void run() {
        List<String> urls = BenchDatabase.urls();
        Assumptions.assumeFalse(urls.isEmpty(), "no -Dbench.db.urls given");
        for (String url : urls) {
            try (Database db = BenchDatabase.open(url, 2)) {
                CatalogMapper mapper = db.mapper(CatalogMapper.class);
                MyBatisCatalogRepository bounded = new MyBatisCatalogRepository(mapper);
                System.out.println();
                System.out.println(url);
                System.out.printf(
                        "%-20s %10s %12s %10s %14s %12s %12s%n",
                        "query", "exact hits", "bounded", "top 20 kept", "same position", "same score", "score sum");
                int keptAll = 0;
                int samePlaceAll = 0;
                int sameScoreAll = 0;
                for (String q : CommerceBenchmark.QUERIES) {
                    Instant now = Instant.now();
                    List<Long> exact = new ArrayList<>();
                    SearchParams[] ran = new SearchParams[1];
                    long exactTotal = exact(mapper, ProductQuery.text(q), now, exact, ran);
                    var page = bounded.search(ProductQuery.text(q), now);
                    List<Long> ours = page.items().stream().map(Product::id).toList();
                    int kept = (int) ours.stream().filter(exact::contains).count();
                    int samePlace = 0;
                    for (int i = 0; i < Math.min(ours.size(), exact.size()); i++) {
                        if (ours.get(i).equals(exact.get(i))) samePlace++;
                    }
                    List<Double> exactScores = scores(db, ran[0], exact);
                    List<Double> ourScores = scores(db, ran[0], ours);
                    int sameScore = 0;
                    for (int i = 0; i < Math.min(ours.size(), exact.size()); i++) {
                        if (Math.abs(ourScores.get(i) - exactScores.get(i)) < 1e-6) sameScore++;
                    }
                    keptAll += kept;
                    samePlaceAll += samePlace;
                    sameScoreAll += sameScore;
                    System.out.printf(
                            "%-20s %10d %12s %7d/%-2d %11d/%-2d %9d/%-2d %11.1f%%%n",
                            q,
                            exactTotal,
                            (page.moreThanTotal() ? "> " : "") + page.total(),
                            kept,
                            exact.size(),
                            samePlace,
                            exact.size(),
                            sameScore,
                            exact.size(),
                            100
                                    * ourScores.stream().mapToDouble(d -> d).sum()
                                    / exactScores.stream().mapToDouble(d -> d).sum());
                }
                System.out.printf(
                        "all ten: %d of 200 kept, %d of 200 in the same position, %d of 200 with the same score%n",
                        keptAll, samePlaceAll, sameScoreAll);
            }
        }
    }

    /** The first page ranking every hit, as the search did before the bound; its exact total. */
    static long exact(CatalogMapper mapper, ProductQuery q, Instant now, List<Long> ids, SearchParams[] ran) {
        SearchText text = SearchText.parse(q.text());
        SearchParams p = unbounded(MyBatisCatalogRepository.params(q, text, now));
        List<ProductRow> rows = mapper.search(p);
        if (rows.isEmpty()) {
            String corrected = mapper.correctWords(text.fuzzy());
            p = unbounded(p.withWords(SearchText.ofWords(corrected)));
            rows = mapper.search(p);
        }
        ran[0] = p;
        rows.forEach(r -> ids.add(r.toProduct().id()));
        return rows.isEmpty() ? 0 : rows.get(0).totalCount();
    }

    /** The full score of each product (the order's key for a first page), in the order given. */
    static List<Double> scores(Database db, SearchParams p, List<Long> ids) {
        List<Double> out = new ArrayList<>();
        String sql = "SELECT ts_rank_cd(search_vector, websearch_to_tsquery('english', ?)) * 4"
                + " + coalesce(ts_rank(search_vector, to_tsquery('english', ?)), 0) FROM tbl_product WHERE product_id = ?";
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setString(1, p.text());
                ps.setString(2, p.prefixQuery() == null ? "" : p.prefixQuery());
                ps.setLong(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add(rs.getDouble(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static SearchParams unbounded(SearchParams p) {
        return new SearchParams(
                p.text(),
                p.prefixQuery(),
                p.fuzzy(),
                p.excluded(),
                p.categoryId(),
                p.brand(),
                p.department(),
                p.minPrice(),
                p.maxPrice(),
                p.inStockOnly(),
                p.sort(),
                p.limit(),
                p.offset(),
                p.now(),
                false,
                1_000_000_000,
                0,
                0);
    }
}

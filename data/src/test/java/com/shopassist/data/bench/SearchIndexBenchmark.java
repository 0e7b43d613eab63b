package com.shopassist.data.bench;

import com.shopassist.data.db.Database;
import com.shopassist.data.seed.Seeder;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ten typical shopper searches, top 20, on the seed catalog and on 100,000 products: plain ILIKE (no
 * index can serve it) beside the indexed forms. Not part of {@code verify} (surefire excludes
 * *Benchmark*); run it with
 * {@code ./mvnw -o -pl data -am test -Dtest=SearchIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Set {@code -Dbench.sizes=1200,100000,1000000} for other catalog sizes.
 */
class SearchIndexBenchmark {

    static final List<String> QUERIES = List.of(
            "running shoes",
            "wireless earbuds",
            "rice cooker",
            "batik",
            "coffee",
            "gaming laptop",
            "hijab",
            "noise cancelling headphones",
            "sunscreen",
            "stroller");

    static final int ROUNDS = 20;

    /** Name of a method, and its SQL with one parameter: the shopper's words. */
    static final Map<String, String> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put(
                "plain ILIKE on name (no index)",
                "select product_id from tbl_product where is_active and product_name ilike '%' || ? || '%'"
                        + " order by product_name limit 20");
        METHODS.put(
                "plain ILIKE on name, brand or description (no index)",
                "select product_id from tbl_product where is_active and (product_name ilike '%' || ? || '%'"
                        + " or product_brand ilike '%' || ?1 || '%' or description ilike '%' || ?1 || '%')"
                        + " order by product_name limit 20");
        METHODS.put(
                "trigram GIN: lower(name) LIKE",
                "select product_id from tbl_product where is_active and lower(product_name) like '%' || lower(?)"
                        + " || '%' order by product_name limit 20");
        METHODS.put(
                "full text GIN: websearch_to_tsquery, ranked",
                "select product_id from tbl_product, websearch_to_tsquery('english', ?) q where is_active"
                        + " and search_vector @@ q order by ts_rank(search_vector, q) desc, product_id limit 20");
        METHODS.put(
                "full text GIN: prefix tsquery (partial words), ranked",
                "select product_id from tbl_product, to_tsquery('english', regexp_replace(trim(?), '\\s+', ':* & ',"
                        + " 'g') || ':*') q where is_active and search_vector @@ q"
                        + " order by ts_rank(search_vector, q) desc, product_id limit 20");
    }

    @Test
    void searchLatencies() throws SQLException {
        String sizes = System.getProperty("bench.sizes", Seeder.STANDARD_CATALOG_SIZE + ",100000");
        for (String s : sizes.split(",")) {
            int size = Integer.parseInt(s.trim());
            try (Database db = TestDatabase.fresh(2)) {
                long t0 = System.nanoTime();
                new Seeder(db, Clock.systemUTC()).seed(size);
                System.out.printf(
                        "%n== %,d products (seeded in %.1f s; load average %s)%n",
                        size, (System.nanoTime() - t0) / 1e9, loadAverage());
                run(db);
            }
        }
    }

    private static void run(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze tbl_product");
            }
            System.out.printf("%-56s %9s %9s %9s %s%n", "method", "p50 ms", "p95 ms", "max ms", "hits (avg of top 20)");
            for (var m : METHODS.entrySet()) {
                String sql = m.getValue().replace("?1", "?");
                int params = (int) sql.chars().filter(ch -> ch == '?').count();
                List<Double> times = new ArrayList<>();
                long hits = 0;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int round = -3; round < ROUNDS; round++) { // three warm-up rounds
                        for (String q : QUERIES) {
                            for (int i = 1; i <= params; i++) ps.setString(i, q);
                            long t = System.nanoTime();
                            int n = 0;
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) n++;
                            }
                            double ms = (System.nanoTime() - t) / 1e6;
                            if (round >= 0) {
                                times.add(ms);
                                hits += n;
                            }
                        }
                    }
                }
                Collections.sort(times);
                System.out.printf(
                        "%-56s %9.2f %9.2f %9.2f %.1f%n",
                        m.getKey(),
                        pct(times, 50),
                        pct(times, 95),
                        times.get(times.size() - 1),
                        hits / (double) times.size());
            }
        }
    }

    /** The machine's 1-minute load average where the OS tells it: numbers under load are upper bounds. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format(
                    "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, idx));
    }
}

package com.shopassist.data;

import static com.shopassist.data.CommerceBenchmark.OUT;
import static com.shopassist.data.CommerceBenchmark.count;
import static com.shopassist.data.CommerceBenchmark.load;
import static com.shopassist.data.CommerceBenchmark.say;

import com.shopassist.data.db.Database;
import com.shopassist.data.testing.BenchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The catalog search as the app runs it (uncached), beside plain ILIKE, on catalogs seeded once
 * into a PostgreSQL kept for benchmarks (1,000,000 products take minutes to seed): the same ten
 * searches as {@link CommerceBenchmark}. Give one database with the rows as {@code db seed} leaves
 * them and a copy clustered on the primary key (rows scattered, as a catalog grown product by
 * product is stored):
 *
 * <pre>
 * java -jar app/target/shopassist.jar --db-url=jdbc:postgresql://localhost/shopassist_1m ... db migrate
 * java -jar app/target/shopassist.jar ... db seed --catalog-size 1000000
 * psql -c "CREATE DATABASE shopassist_1m_scattered TEMPLATE shopassist_1m"
 * psql -d shopassist_1m_scattered -c "CLUSTER tbl_product USING tbl_product_pkey; ANALYZE tbl_product"
 * ./mvnw -B -o -pl data -am verify -Dtest=SearchAtScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dspotless.skip=true -Djacoco.skip=true -Dbench.db.user=... -Dbench.db.password=... \
 *   -Dbench.db.urls=jdbc:postgresql://localhost/shopassist_1m,jdbc:postgresql://localhost/shopassist_1m_scattered
 * </pre>
 *
 * Results also in {@code data/target/search-at-scale-benchmark.txt}.
 */
class SearchAtScaleBenchmark {

    @Test
    void run() throws Exception {
        List<String> urls = BenchDatabase.urls();
        Assumptions.assumeFalse(urls.isEmpty(), "no -Dbench.db.urls given");
        say("ShopAssist search at scale, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + load());
        for (String url : urls) {
            try (Database db = BenchDatabase.open(url, 4)) {
                say("");
                say(url + ": shared_buffers " + CommerceBenchmark.show(db, "shared_buffers") + ", jit "
                        + CommerceBenchmark.show(db, "jit") + ", table " + tableSize(db) + ", rows ordered by "
                        + clusterOrder(db));
                CommerceBenchmark.search(db, "rows ordered by " + clusterOrder(db));
            }
        }
        say("");
        say("rerun: ./mvnw -B -o -pl data -am verify -Dtest=SearchAtScaleBenchmark"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true"
                + " -Dbench.db.urls=" + String.join(",", urls)
                + " -Dbench.db.user=... -Dbench.db.password=... -Dbench.reps=" + Integer.getInteger("bench.reps", 100));
        try {
            Files.writeString(Path.of("target", "search-at-scale-benchmark.txt"), OUT.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index the table was last clustered on (CLUSTER marks it), or "insertion order". */
    static String clusterOrder(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT i.relname FROM pg_index x"
                        + " JOIN pg_class i ON i.oid = x.indexrelid"
                        + " WHERE x.indrelid = 'tbl_product'::regclass AND x.indisclustered");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "insertion order";
        }
    }

    static String tableSize(Database db) {
        return count(db, "SELECT count(*) FROM tbl_product") + " products, "
                + count(db, "SELECT pg_relation_size('tbl_product') / 8192") + " heap pages";
    }
}

package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog's filter lists (category counts, brands) are read when the window opens, on the way
 * to the first chat answer: on a seeded catalog they read an index only, never the product table,
 * whose size grows with the catalog (decision 0103).
 */
class FilterListPlansIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Database db;

    @BeforeAll
    static void up() {
        db = TestDatabase.freshSeeded(2);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void brandListReadsTheActiveBrandIndexNotTheProductTable() throws SQLException {
        JsonNode plan = explain("brands");
        assertThat(productScans(plan)).containsOnly("Index Only Scan");
        assertThat(heapFetches(plan)).isZero();
    }

    @Test
    void categoryCountsReadTheActiveCategoryIndexNotTheProductTable() throws SQLException {
        JsonNode plan = explain("categories");
        assertThat(productScans(plan)).containsOnly("Index Only Scan");
        assertThat(heapFetches(plan)).isZero();
    }

    @Test
    void theSeedLeavesEveryProductPageAllVisible() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select relpages, relallvisible from pg_class where relname = 'tbl_product'")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
            assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
        }
    }

    private static JsonNode explain(String statement) throws SQLException {
        Configuration configuration = new Configuration();
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.addMapper(CatalogMapper.class);
        String sql = configuration
                .getMappedStatement(CatalogMapper.class.getName() + "." + statement)
                .getBoundSql(null)
                .getSql();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
            rs.next();
            return JSON.readTree(rs.getString(1)).get(0).get("Plan");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node types that read tbl_product. */
    private static List<String> productScans(JsonNode plan) {
        List<String> scans = new ArrayList<>();
        walk(plan, n -> {
            if ("tbl_product".equals(n.path("Relation Name").asText()))
                scans.add(n.get("Node Type").asText());
        });
        assertThat(scans).as("scans of tbl_product").isNotEmpty();
        return scans;
    }

    private static long heapFetches(JsonNode plan) {
        long[] sum = {0};
        walk(plan, n -> sum[0] += n.path("Heap Fetches").asLong(0));
        return sum[0];
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        for (JsonNode child : node.path("Plans")) walk(child, visit);
    }
}

package com.shopassist.data.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.core.catalog.ProductQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.binding.MapperMethod;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;

/**
 * The pages one uncached search reads, from {@code EXPLAIN (ANALYZE, BUFFERS)} of the statements
 * {@link MyBatisCatalogRepository#search} runs for it (the same mapper XML, the same passes). Page
 * counts do not depend on the load of the machine, unlike milliseconds. For benchmarks.
 */
public final class SearchPlans {

    /** Statements run, shared buffers read (hit or not) and table heap pages among them. */
    public record Pages(int statements, long buffers, long heapPages) {
        Pages plus(JsonNode plan) {
            return new Pages(statements + 1, buffers + buffersOf(plan), heapPages + heapPagesOf(plan));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Configuration configuration = new Configuration();

    public SearchPlans() {
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.addMapper(CatalogMapper.class);
    }

    public Pages explain(DataSource dataSource, ProductQuery q, Instant now) throws SQLException {
        SearchText text = SearchText.parse(q.text());
        SearchParams params = MyBatisCatalogRepository.params(q, text, now);
        try (Connection c = dataSource.getConnection()) {
            Pages pages = new Pages(0, 0, 0);
            JsonNode plan = explain(c, "search", params);
            pages = pages.plus(plan);
            if (rows(plan) == 0 && text != null && text.fuzzy() != null) {
                MapperMethod.ParamMap<Object> words = new MapperMethod.ParamMap<>();
                words.put("words", text.fuzzy());
                pages = pages.plus(explain(c, "correctWords", words));
                String corrected = corrected(c, words);
                if (corrected != null && !corrected.equals(text.fuzzy())) {
                    plan = explain(c, "search", params.withWords(SearchText.ofWords(corrected)));
                    pages = pages.plus(plan);
                }
                if (rows(plan) == 0) pages = pages.plus(explain(c, "search", params.asFuzzy()));
            }
            return pages;
        }
    }

    /**
     * Temporary-file blocks the first pass of a search writes on this connection (EXPLAIN
     * BUFFERS, counted over the whole plan): its settings, such as a small work_mem, apply.
     */
    public long tempBlocksWritten(Connection c, ProductQuery q, Instant now) throws SQLException {
        SearchParams params = MyBatisCatalogRepository.params(q, SearchText.parse(q.text()), now);
        return explain(c, "search", params).path("Temp Written Blocks").asLong();
    }

    private JsonNode explain(Connection c, String statement, Object parameter) throws SQLException {
        MappedStatement ms = configuration.getMappedStatement(CatalogMapper.class.getName() + "." + statement);
        BoundSql sql = ms.getBoundSql(parameter);
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql.getSql())) {
            new DefaultParameterHandler(ms, parameter, sql).setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0).get("Plan");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String corrected(Connection c, Object parameter) throws SQLException {
        MappedStatement ms = configuration.getMappedStatement(CatalogMapper.class.getName() + ".correctWords");
        BoundSql sql = ms.getBoundSql(parameter);
        try (PreparedStatement ps = c.prepareStatement(sql.getSql())) {
            new DefaultParameterHandler(ms, parameter, sql).setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long rows(JsonNode plan) {
        return plan.path("Actual Rows").asLong();
    }

    private static long buffersOf(JsonNode plan) {
        return plan.path("Shared Hit Blocks").asLong()
                + plan.path("Shared Read Blocks").asLong();
    }

    private static long heapPagesOf(JsonNode plan) {
        long pages = plan.path("Exact Heap Blocks").asLong()
                + plan.path("Lossy Heap Blocks").asLong();
        List<JsonNode> children = new ArrayList<>();
        plan.path("Plans").forEach(children::add);
        for (JsonNode child : children) pages += heapPagesOf(child);
        return pages;
    }
}

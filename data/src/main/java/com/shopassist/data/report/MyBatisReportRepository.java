package com.shopassist.data.report;

import com.shopassist.core.catalog.SearchMissLog;
import com.shopassist.core.chat.TurnLog;
import com.shopassist.core.money.Money;
import com.shopassist.core.report.ReportRepository;
import com.shopassist.core.report.StoreReport.LayerFigures;
import com.shopassist.core.report.StoreReport.ModelUsage;
import com.shopassist.core.report.StoreReport.Sales;
import com.shopassist.core.report.StoreReport.SearchMiss;
import com.shopassist.core.report.TurnLatency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link ReportRepository}, and what it reads: the {@link TurnLog} and the {@link SearchMissLog}, in SQL. */
public final class MyBatisReportRepository implements ReportRepository, TurnLog, SearchMissLog {

    private final ReportMapper mapper;

    public MyBatisReportRepository(ReportMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void record(UUID chatSessionId, String assistant, Duration latency, Instant at) {
        int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latency.toMillis()));
        mapper.insertTurn(chatSessionId.toString(), assistant, ms, at);
    }

    @Override
    public void record(String foldedQuery, Instant at) {
        mapper.insertSearchMiss(foldedQuery, at);
    }

    @Override
    public int deleteBefore(Instant before) {
        return mapper.deleteSearchMissesBefore(before);
    }

    @Override
    public List<LayerFigures> layers(Instant from, Instant to) {
        return mapper.layers(from, to).stream()
                .map(r -> new LayerFigures((String) r.get("assistant"), count(r, "turns"), count(r, "sessions")))
                .toList();
    }

    @Override
    public long sessions(Instant from, Instant to) {
        return mapper.sessions(from, to);
    }

    @Override
    public List<ModelUsage> models(Instant from, Instant to) {
        return mapper.models(from, to).stream()
                .map(r -> new ModelUsage(
                        (String) r.get("model"),
                        count(r, "calls"),
                        count(r, "input_tokens"),
                        count(r, "output_tokens"),
                        (BigDecimal) r.get("cost_usd")))
                .toList();
    }

    @Override
    public TurnLatency latency(Instant from, Instant to) {
        Map<String, Object> row = mapper.latency(from, to);
        long turns = row == null ? 0 : count(row, "turns");
        if (turns == 0) return TurnLatency.NONE;
        return new TurnLatency(turns, Duration.ofMillis(count(row, "p50")), Duration.ofMillis(count(row, "p95")));
    }

    @Override
    public Sales assistedSales(Instant from, Instant to) {
        return sales(mapper.assistedSales(from, to));
    }

    @Override
    public Sales allSales(Instant from, Instant to) {
        return sales(mapper.allSales(from, to));
    }

    @Override
    public List<SearchMiss> searchMisses(Instant from, Instant to, int limit) {
        return mapper.searchMisses(from, to, limit).stream()
                .map(r -> new SearchMiss((String) r.get("query"), count(r, "times")))
                .toList();
    }

    private static Sales sales(Map<String, Object> row) {
        return new Sales(count(row, "orders"), Money.of((BigDecimal) row.get("revenue")));
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}

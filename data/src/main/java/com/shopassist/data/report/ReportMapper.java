package com.shopassist.data.report;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;

/** The store report's counts, and what the kiosks record for it. */
public interface ReportMapper extends SqlMapper {

    List<Map<String, Object>> layers(@Param("from") Instant from, @Param("to") Instant to);

    long sessions(@Param("from") Instant from, @Param("to") Instant to);

    List<Map<String, Object>> models(@Param("from") Instant from, @Param("to") Instant to);

    Map<String, Object> latency(@Param("from") Instant from, @Param("to") Instant to);

    Map<String, Object> assistedSales(@Param("from") Instant from, @Param("to") Instant to);

    Map<String, Object> allSales(@Param("from") Instant from, @Param("to") Instant to);

    List<Map<String, Object>> searchMisses(
            @Param("from") Instant from, @Param("to") Instant to, @Param("limit") int limit);

    int insertTurn(
            @Param("sessionId") String sessionId,
            @Param("assistant") String assistant,
            @Param("latencyMs") int latencyMs,
            @Param("at") Instant at);

    int insertSearchMiss(@Param("query") String query, @Param("at") Instant at);

    int deleteSearchMissesBefore(@Param("before") Instant before);
}

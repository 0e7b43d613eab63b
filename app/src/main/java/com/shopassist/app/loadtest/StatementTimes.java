package com.shopassist.app.loadtest;

import com.shopassist.data.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which statements the database spent its time on during a run, from pg_stat_statements when the
 * store has it: a snapshot at the start, the difference at the end (the store's statistics are
 * never reset). Empty when it cannot be read.
 */
final class StatementTimes {

    /** One statement's share of the run: calls, total and mean time (waits included), the SQL's start. */
    record Top(String query, long calls, double totalMs, double meanMs) {}

    /** This database's statements only: the server's other databases are not the run's. */
    static final String OF_THIS_DATABASE =
            " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())";

    private static final String READ =
            "select queryid, calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 90)"
                    + OF_THIS_DATABASE;

    /** The time of every statement of this database so far, in milliseconds. */
    static final String TOTAL = "select coalesce(sum(total_exec_time), 0)" + OF_THIS_DATABASE;

    private record Row(long calls, double totalMs, String query) {}

    private final Database db;
    private final Map<Long, Row> start;

    private StatementTimes(Database db, Map<Long, Row> start) {
        this.db = db;
        this.start = start;
    }

    /** A snapshot now; null when pg_stat_statements cannot be read. */
    static StatementTimes start(Database db) {
        Map<Long, Row> rows = read(db);
        return rows == null ? null : new StatementTimes(db, rows);
    }

    /** The {@code limit} statements that took the most time since the snapshot. */
    List<Top> top(int limit) {
        Map<Long, Row> now = read(db);
        if (now == null) return List.of();
        List<Top> out = new ArrayList<>();
        now.forEach((id, r) -> {
            Row before = start.get(id);
            long calls = r.calls() - (before == null ? 0 : before.calls());
            double ms = r.totalMs() - (before == null ? 0 : before.totalMs());
            if (calls > 0) out.add(new Top(r.query(), calls, ms, ms / calls));
        });
        out.sort(Comparator.comparingDouble(Top::totalMs).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    private static Map<Long, Row> read(Database db) {
        Map<Long, Row> rows = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(READ)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Row r = new Row(rs.getLong(2), rs.getDouble(3), rs.getString(4));
                // one queryid per user and database: the same statement of two roles adds up
                rows.merge(id, r, (a, b) -> new Row(a.calls() + b.calls(), a.totalMs() + b.totalMs(), a.query()));
            }
            return rows;
        } catch (SQLException e) {
            return null;
        }
    }
}

package com.shopassist.data.replica;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One refresh of a kiosk's local replica from the shared database (decision 0090): the rows of
 * {@link ReplicatedTable#ALL} changed since the last refresh, read under one snapshot of the shared
 * database and written in ONE transaction of the local one, so a reader of the replica sees it
 * either wholly before or wholly after a refresh, and a refresh cut anywhere (the network, the
 * shared server, the kiosk) leaves it as it was.
 *
 * <p>How: the shared side runs in a REPEATABLE READ, READ ONLY transaction; its snapshot
 * ({@code pg_current_snapshot()}) is kept in the replica ({@code tbl_replica_sync}), and the next
 * refresh copies the rows whose {@code change_xid} (V120) that snapshot could not see. Rows stream
 * from {@code COPY ... TO STDOUT} straight into {@code COPY ... FROM STDIN} on the local side, into
 * a staging table that is then merged ({@code INSERT ... ON CONFLICT DO UPDATE}); an empty table is
 * filled directly. Rows deleted in the shared database are found by count: after the merge the
 * replica holds every shared row, so more rows here than there means some were deleted, and only
 * then are the keys compared. A unique value (a SKU, a barcode, a voucher code) that moved from one
 * row to another is first taken from the row that gives it up.
 *
 * <p>A refresh starts over from scratch (a full copy) when the replica is new, came from another
 * database, or that database's transaction ids went backwards (restored from a backup), and when an
 * incremental one ends with counts that do not match.
 */
public final class ReplicaRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRefresh.class);

    /** How long the shared side may be silent inside a refresh before the refresh gives up. */
    static final int NETWORK_TIMEOUT_MS = 30_000;

    private static final Executor DIRECT = Runnable::run;
    private static final String PARAM_SINCE = "shopassist.replica_since";
    private static final String PARAM_SINCE_XMIN = "shopassist.replica_since_xmin";
    private static final String PARAM_NOW = "shopassist.replica_now";

    /** What one refresh did. Counts are rows copied (changed), per table, and rows removed. */
    public record Report(
            boolean full,
            long categories,
            long products,
            long vouchers,
            long embeddings,
            long words,
            long liveHolds,
            long removed,
            Instant asOf,
            Duration took) {

        /** One line for store IT ({@code db sync}). */
        public String summary() {
            return String.format(
                    "Replica refreshed (%s) in %.2f s: %,d products, %,d categories, %,d vouchers, %,d embeddings,"
                            + " %,d search words changed; %,d removed; %,d live holds; prices and stock as of %s",
                    full ? "full" : "changes only",
                    took.toMillis() / 1000.0,
                    products,
                    categories,
                    vouchers,
                    embeddings,
                    words,
                    removed,
                    liveHolds,
                    asOf);
        }
    }

    private final Database shared;
    private final Database local;
    private final Clock clock;

    public ReplicaRefresh(Database shared, Database local, Clock clock) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.local = Objects.requireNonNull(local, "local");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** When the replica was last refreshed (the kiosk's clock at that refresh), if it ever was. */
    public Optional<Instant> asOf() {
        return LocalStore.replicaAsOf(local);
    }

    /** The picture references of the replica's products on sale (for the picture cache). */
    public List<String> imageRefs() {
        List<String> refs = new ArrayList<>();
        try (Connection c = local.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select distinct image_ref from tbl_product where is_active and image_ref is not null")) {
            while (rs.next()) refs.add(rs.getString(1));
            return refs;
        } catch (SQLException e) {
            throw new ShopException("REPLICA_FAILED", "The local replica cannot be read: " + firstLine(e), e);
        }
    }

    /**
     * Runs one refresh ({@code full}: copy everything, whatever was copied before).
     *
     * @throws DataUnavailableException when the shared database cannot be reached (nothing changed here)
     * @throws ShopException (REPLICA_SCHEMA) when the shared database lacks V120's change tracking,
     *     (REPLICA_FAILED) when the local side failed; the replica is unchanged either way
     */
    public synchronized Report run(boolean full) {
        Report r = attempt(full);
        if (r != null) return r;
        LOG.warn("replica counts did not match after copying the changes only; copying everything");
        r = attempt(true);
        if (r == null)
            throw new ShopException("REPLICA_FAILED", "The replica does not match the store after a full copy");
        return r;
    }

    /** One transaction on each side; null when an incremental refresh found the counts off (rolled back). */
    private Report attempt(boolean forceFull) {
        long t0 = System.nanoTime();
        Instant asOf = clock.instant();
        Connection from = null;
        Connection to = null;
        try {
            from = open(shared, true);
            to = open(local, false);
            Report r = copy(from, to, forceFull, asOf, t0);
            if (r == null) {
                to.rollback();
            } else {
                to.commit();
            }
            from.commit(); // read only: this just ends the snapshot
            return r;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(to);
            rollbackQuietly(from);
            throw failure(e, from);
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static Connection open(Database db, boolean sharedSide) throws SQLException {
        Connection c = db.dataSource().getConnection();
        try {
            c.setAutoCommit(false);
            if (sharedSide) {
                // a silent network must end the refresh, not hang it (the shopper path has its own deadline)
                c.setNetworkTimeout(DIRECT, NETWORK_TIMEOUT_MS);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            }
            try (Statement s = c.createStatement()) {
                // the pool's limits are a shopper's (30 s a statement, a minute idle in a transaction):
                // a first copy of a large catalog is one COPY per table, and one side waits while the
                // other merges. Silence is still bounded: the network timeout above, and five minutes
                // idle at most (a kiosk frozen mid-refresh must not hold a snapshot for longer).
                s.execute("set local statement_timeout = 0");
                s.execute("set local idle_in_transaction_session_timeout = '5min'");
                // COPY's text form is read back exactly when both sides write dates and bytes alike
                s.execute("set local datestyle = 'ISO, YMD'");
                s.execute("set local timezone = 'UTC'");
                s.execute("set local bytea_output = 'hex'");
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private Report copy(Connection from, Connection to, boolean forceFull, Instant asOf, long t0) throws SQLException {
        requireChangeTracking(from);
        String snapshot = queryString(from, "select pg_current_snapshot()::text");
        Map<ReplicatedTable, Long> sharedCounts = sharedCounts(from);

        SyncState previous = SyncState.read(to);
        String url = shared.settings().safeUrl();
        boolean moved = previous != null && !previous.sourceUrl().equals(url);
        if (moved) LOG.info("replica source changed from {} to {}: copying everything", previous.sourceUrl(), url);
        boolean full = forceFull || previous == null || moved || wentBack(previous, snapshot);
        // the values the COPY queries read (COPY takes no parameters): set, never written into the SQL
        try (PreparedStatement ps = from.prepareStatement(
                "select set_config(?, ?, true), set_config(?, ?, true), set_config(?, ?, true)")) {
            ps.setString(1, PARAM_SINCE);
            ps.setString(2, full ? "" : previous.snapshot());
            ps.setString(3, PARAM_SINCE_XMIN);
            ps.setString(4, full ? "" : String.valueOf(SyncState.xmin(previous.snapshot())));
            ps.setString(5, PARAM_NOW);
            ps.setString(6, asOf.toString());
            ps.executeQuery().close();
        }

        Map<ReplicatedTable, Long> copied = new LinkedHashMap<>();
        execute(to, "delete from tbl_stock_hold");
        for (ReplicatedTable t : ReplicatedTable.ALL) {
            long t1 = System.nanoTime();
            copied.put(t, copyChanges(from, to, t, full));
            LOG.debug("replica {}: {} rows in {} ms", t.name(), copied.get(t), (System.nanoTime() - t1) / 1_000_000);
        }
        long t2 = System.nanoTime();

        long removed = 0;
        boolean countsMatch = true;
        for (ReplicatedTable t : ReplicatedTable.CHILDREN_FIRST) {
            if (!t.removable()) continue;
            long expected = sharedCounts.get(t);
            long here = count(to, t.name());
            if (here > expected) {
                removed += removeDeleted(from, to, t);
                here = count(to, t.name());
            }
            if (here != expected) {
                LOG.warn("replica {}: {} rows here, {} in the store database", t.name(), here, expected);
                countsMatch = false;
            }
        }
        LOG.debug("replica counts checked in {} ms", (System.nanoTime() - t2) / 1_000_000);
        if (!countsMatch) {
            if (!full) return null;
            throw new ShopException("REPLICA_FAILED", "The replica does not match the store after a full copy");
        }

        long changed = copied.values().stream().mapToLong(Long::longValue).sum();
        if (full || changed > 1_000) {
            // the planner's statistics of a table that grew from nothing say nothing of it
            execute(
                    to,
                    "analyze "
                            + ReplicatedTable.ALL.stream()
                                    .map(ReplicatedTable::name)
                                    .collect(Collectors.joining(", ")));
        }
        SyncState.write(
                to,
                url,
                snapshot,
                asOf,
                full || previous == null ? asOf : previous.fullRefreshAt(),
                sharedCounts.get(ReplicatedTable.PRODUCTS));
        Report r = new Report(
                full,
                copied.get(ReplicatedTable.CATEGORIES),
                copied.get(ReplicatedTable.PRODUCTS),
                copied.get(ReplicatedTable.VOUCHERS),
                copied.get(ReplicatedTable.EMBEDDINGS),
                copied.get(ReplicatedTable.SEARCH_WORDS),
                copied.get(ReplicatedTable.HOLDS),
                removed,
                asOf,
                Duration.ofNanos(System.nanoTime() - t0));
        LOG.info("{}", r.summary());
        return r;
    }

    /** Copies the table's changed rows (all live ones for holds); returns how many. */
    private static long copyChanges(Connection from, Connection to, ReplicatedTable t, boolean full)
            throws SQLException {
        // a stable expression, not a join: where change_xid is indexed the range is read from the index
        String changed = " where change_xid >= current_setting('" + PARAM_SINCE_XMIN + "')::xid8"
                + " and not pg_visible_in_snapshot(change_xid, current_setting('" + PARAM_SINCE + "')::pg_snapshot)";
        String select = "select " + t.columnList() + " from " + t.name()
                + (!t.changeTracked()
                        ? " where expires_at > current_setting('" + PARAM_NOW + "')::timestamptz"
                        : full ? "" : changed);
        boolean direct = t == ReplicatedTable.HOLDS || isEmpty(to, t.name());
        if (direct) {
            return pipe(from, to, select, "copy " + t.name() + " (" + t.columnList() + ") from stdin");
        }
        execute(to, "create temp table " + t.stage() + " (like " + t.name() + ") on commit drop");
        long rows = pipe(from, to, select, "copy " + t.stage() + " (" + t.columnList() + ") from stdin");
        if (rows > 0) {
            park(to, t);
            merge(to, t);
        }
        return rows;
    }

    /**
     * A unique value a staged row takes from another row here (a SKU moved to a new product, a
     * barcode given to another): the row giving it up gets a stand-in first. That row is either
     * staged as well (and gets its own new value in the merge) or deleted in the shared database
     * (and goes in the removal below): the shared database's own unique indexes allow nothing else.
     */
    private static void park(Connection to, ReplicatedTable t) throws SQLException {
        if (t.parkedValues().isEmpty()) return;
        String set = t.parkedValues().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
        // one probe of the column's unique index per staged row and column, never a scan of the table
        String clashing = t.parkedValues().keySet().stream()
                .map(c -> "select r." + t.key() + " from " + t.stage() + " s join " + t.name() + " r on r." + c
                        + " = s." + c + " and r." + t.key() + " <> s." + t.key())
                .collect(Collectors.joining(" union "));
        execute(to, "update " + t.name() + " set " + set + " where " + t.key() + " in (" + clashing + ")");
    }

    private static void merge(Connection to, ReplicatedTable t) throws SQLException {
        String updates = t.columns().stream()
                .filter(c -> !c.equals(t.key()))
                .map(c -> c + " = excluded." + c)
                .collect(Collectors.joining(", "));
        execute(
                to,
                "insert into " + t.name() + " (" + t.columnList() + ") select " + t.columnList() + " from "
                        + t.stage() + " on conflict (" + t.key() + ") do "
                        + (updates.isEmpty() ? "nothing" : "update set " + updates));
    }

    /** Deletes the rows here whose key the shared database no longer has; returns how many. */
    private static long removeDeleted(Connection from, Connection to, ReplicatedTable t) throws SQLException {
        execute(to, "create temp table if not exists replica_keys (k bigint primary key) on commit drop");
        execute(to, "truncate replica_keys");
        pipe(from, to, "select " + t.key() + " from " + t.name(), "copy replica_keys (k) from stdin");
        try (Statement s = to.createStatement()) {
            return s.executeUpdate("delete from " + t.name()
                    + " r where not exists (select 1 from replica_keys k where k.k = r." + t.key() + ")");
        }
    }

    /** Streams the rows of {@code select} on the shared side into {@code copyIn} here. */
    private static long pipe(Connection from, Connection to, String select, String copyIn) throws SQLException {
        CopyOut out = from.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + select + ") to stdout");
        CopyIn in;
        try {
            in = to.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
        } catch (SQLException | RuntimeException e) {
            cancelQuietly(out);
            throw e;
        }
        try {
            byte[] row;
            while ((row = out.readFromCopy()) != null) in.writeToCopy(row, 0, row.length);
            return in.endCopy();
        } catch (SQLException | RuntimeException e) {
            cancelQuietly(out);
            cancelQuietly(in);
            throw e;
        }
    }

    private static void requireChangeTracking(Connection from) throws SQLException {
        try (Statement s = from.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from information_schema.columns where column_name ="
                        + " 'change_xid' and table_schema = current_schema() and table_name in ('tbl_product_category',"
                        + " 'tbl_product', 'tbl_voucher', 'tbl_product_embedding', 'tbl_search_word')")) {
            rs.next();
            if (rs.getInt(1) < 5) {
                throw new ShopException(
                        "REPLICA_SCHEMA",
                        "The store database is not ready for kiosk replicas (no change tracking, migration V120):"
                                + " run 'db migrate' on it as the store owner");
            }
        }
    }

    private static Map<ReplicatedTable, Long> sharedCounts(Connection from) throws SQLException {
        Map<ReplicatedTable, Long> counts = new LinkedHashMap<>();
        for (ReplicatedTable t : ReplicatedTable.ALL) {
            if (t.removable()) counts.put(t, count(from, t.name()));
        }
        return counts;
    }

    /** The shared database's transaction ids went back: it is another one, or restored from a backup. */
    private static boolean wentBack(SyncState previous, String snapshot) {
        long before = SyncState.xmax(previous.snapshot());
        long now = SyncState.xmax(snapshot);
        return before < 0 || SyncState.xmin(previous.snapshot()) < 0 || now < before;
    }

    private static boolean isEmpty(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select not exists (select 1 from " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Which side failed decides what the caller hears: the shared database unreachable, or the replica broken. */
    private RuntimeException failure(Exception e, Connection from) {
        if (e instanceof ShopException shop) return shop;
        boolean sharedGone =
                from == null ? DbErrors.isConnectionFailure(e) : isBroken(from) && DbErrors.isConnectionFailure(e);
        if (sharedGone) {
            return new DataUnavailableException(
                    "The replica was not refreshed: " + DbErrors.describe(shared.settings(), e), e);
        }
        return new ShopException("REPLICA_FAILED", "The replica was not refreshed: " + firstLine(e), e);
    }

    private static boolean isBroken(Connection c) {
        try {
            return c.isClosed() || !c.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    private static void rollbackQuietly(Connection c) {
        if (c == null) return;
        try {
            if (!c.isClosed()) c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: so is its transaction
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // returned to the pool or already broken
        }
    }

    private static void cancelQuietly(org.postgresql.copy.CopyOperation op) {
        try {
            if (op.isActive()) op.cancelCopy();
        } catch (SQLException ignored) {
            // the connection is broken: the transaction is rolled back with it
        }
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }

    /** The one row of {@code tbl_replica_sync}. */
    record SyncState(String sourceUrl, String snapshot, Instant syncedAt, Instant fullRefreshAt) {

        /** Locks the row, so two refreshes of one replica take turns. */
        static SyncState read(Connection to) throws SQLException {
            try (Statement s = to.createStatement();
                    ResultSet rs = s.executeQuery("select source_url, source_snapshot, synced_at, full_refresh_at"
                            + " from tbl_replica_sync where replica_sync_id = 1 for update")) {
                if (!rs.next()) return null;
                return new SyncState(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant());
            }
        }

        static void write(Connection to, String url, String snapshot, Instant at, Instant fullAt, long products)
                throws SQLException {
            try (PreparedStatement ps = to.prepareStatement("insert into tbl_replica_sync (replica_sync_id, source_url,"
                    + " source_snapshot, synced_at, full_refresh_at, products) values (1, ?, ?, ?, ?, ?)"
                    + " on conflict (replica_sync_id) do update set source_url = excluded.source_url,"
                    + " source_snapshot = excluded.source_snapshot, synced_at = excluded.synced_at,"
                    + " full_refresh_at = excluded.full_refresh_at, products = excluded.products")) {
                ps.setString(1, url);
                ps.setString(2, snapshot);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setTimestamp(4, Timestamp.from(fullAt));
                ps.setLong(5, products);
                ps.executeUpdate();
            }
        }

        /** The xmax of a {@code pg_snapshot} in its text form ("xmin:xmax:xip,..."), or -1 if it is not one. */
        static long xmax(String snapshot) {
            return part(snapshot, 1);
        }

        /** The xmin of a {@code pg_snapshot} in its text form, or -1 if it is not one. */
        static long xmin(String snapshot) {
            return part(snapshot, 0);
        }

        private static long part(String snapshot, int index) {
            String[] parts = snapshot == null ? new String[0] : snapshot.split(":", -1);
            if (parts.length != 3) return -1;
            try {
                return Long.parseLong(parts[index]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}

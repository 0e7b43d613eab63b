package com.shopassist.data.db;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.common.Transactions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.io.VFS;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.session.SqlSessionManager;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL database: a HikariCP pool, Flyway migrations (sql module, db/migration) and
 * MyBatis. Mappers are interfaces under {@code com.shopassist.data} with their XML at the same
 * path under resources; all are registered here. A mapper obtained from {@link #mapper(Class)}
 * joins the transaction of {@link #transactions()} when one is open on this thread, and
 * otherwise runs on its own auto-committed session.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DbSettings settings;
    private final HikariDataSource pool;
    private final PresentedSessions presented = new PresentedSessions();
    private final DataSource dataSource;
    private final SqlSessionManager sessions;
    private final Transactions transactions;
    private volatile Boolean ownerRole;
    private volatile String schemaNotice;
    private volatile BooleanSupplier refuse = () -> false;
    private volatile Consumer<Throwable> connectionLost = e -> {};

    private Database(DbSettings settings, HikariDataSource pool, Mappers mappers) {
        this.settings = settings;
        this.pool = pool;
        this.dataSource = new SessionDataSource(pool, presented);
        Configuration configuration = mappers.take();
        configuration.setEnvironment(new Environment("shopassist", new JdbcTransactionFactory(), dataSource));
        SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
        this.sessions = SqlSessionManager.newInstance(factory);
        this.transactions = new ManagedTransactions(sessions, this);
    }

    /**
     * The MyBatis side of a database, parsed before any server is known. Parsing the mapper XML is
     * the costly part of {@link #open} on a cold JVM (about half a second of CPU), so an app can do
     * it while PostgreSQL starts. Each instance serves one {@link #open}.
     */
    public static final class Mappers {
        static {
            // before MyBatis picks its VFS (once, on first use): list jars by their central directory
            VFS.addImplClass(ZipFileVfs.class);
        }

        private Configuration configuration;

        private Mappers(Configuration configuration) {
            this.configuration = configuration;
        }

        /** Reads every mapper interface under {@code com.shopassist.data} and its XML. */
        public static Mappers parse() {
            Configuration configuration = new Configuration();
            configuration.setMapUnderscoreToCamelCase(true);
            configuration.setDefaultStatementTimeout(30);
            configuration.setCacheEnabled(false); // caching is Caffeine's job, with explicit invalidation
            // no session-local result cache: a repeated SELECT inside one transaction (a retried
            // reservation, a re-read after a locking UPDATE) must see the database, not a stale copy
            configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
            configuration.addMappers("com.shopassist.data", SqlMapper.class);
            return new Mappers(configuration);
        }

        private synchronized Configuration take() {
            if (configuration == null) throw new IllegalStateException("these mappers already serve a database");
            Configuration c = configuration;
            configuration = null;
            return c;
        }
    }

    /** Opens a pool to the database; does not migrate. Fails fast with a clear message. */
    public static Database open(DbSettings settings, int maxPoolSize) {
        return open(settings, maxPoolSize, Mappers::parse);
    }

    /**
     * Opens a pool with mappers parsed elsewhere ({@code mappers} is asked for them once the
     * settings are known to work, so it can be a parse running on another thread). One connection is made first, directly: a wrong
     * password, a missing database or a server that is down fails at once with a one-line message
     * (the pool alone would retry until its initialization timeout), and that same connection then
     * becomes the pool's first, so a start pays for one handshake, not two.
     */
    public static Database open(DbSettings settings, int maxPoolSize, Supplier<Mappers> mappers) {
        return open(settings, maxPoolSize, mappers, Duration.ofSeconds(5));
    }

    /**
     * Like {@link #open(DbSettings, int, Supplier)}, with {@code connectionWait}: how long a call
     * waits for a connection from the pool (an idle one checked within a second, else a new one)
     * before it fails. A kiosk that can answer from its local replica waits less (decision 0091).
     */
    public static Database open(
            DbSettings settings, int maxPoolSize, Supplier<Mappers> mappers, Duration connectionWait) {
        return open(settings, maxPoolSize, mappers, connectionWait, true, null);
    }

    /**
     * The pool of a database that cannot be reached now, opened without connecting: calls fail until
     * it answers, then work (a kiosk starting during an outage answers from its replica meanwhile,
     * decision 0091). Nothing is checked, the schema neither: {@link #migrate()} once it answers.
     */
    public static Database openUnreachable(
            DbSettings settings, int maxPoolSize, Supplier<Mappers> mappers, Duration connectionWait) {
        return open(settings, maxPoolSize, mappers, connectionWait, false, null);
    }

    /**
     * Like {@link #openUnreachable(DbSettings, int, Supplier, Duration)}, for a database that has
     * somewhere else to send its reads when it hangs (a read replica, decision 0086): a read waits
     * at most {@code readTimeout} for the server (instead of 45 s), and the server cancels a
     * statement a little before that. {@link #allowOrdinaryTimeouts()} lifts it for one transaction.
     */
    public static Database openUnreachable(
            DbSettings settings,
            int maxPoolSize,
            Supplier<Mappers> mappers,
            Duration connectionWait,
            Duration readTimeout) {
        return open(
                settings,
                maxPoolSize,
                mappers,
                connectionWait,
                false,
                Objects.requireNonNull(readTimeout, "readTimeout"));
    }

    private static Database open(
            DbSettings settings,
            int maxPoolSize,
            Supplier<Mappers> mappers,
            Duration connectionWait,
            boolean connectFirst,
            Duration readTimeout) {
        TransportPolicy.check(settings);
        PgDriverDataSource source;
        try {
            source = readTimeout == null
                    ? new PgDriverDataSource(settings)
                    : PgDriverDataSource.withReadTimeout(settings, readTimeout);
            if (connectFirst) source.offerFirst(source.connect());
        } catch (SQLException | RuntimeException e) {
            throw new DataUnavailableException(DbErrors.describe(settings, e), e);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(maxPoolSize);
        // one idle connection: each costs a scram handshake (PBKDF2, tens of ms of CPU) at start;
        // the pool grows on demand up to maxPoolSize
        config.setMinimumIdle(1);
        config.setPoolName("shopassist");
        config.setConnectionTimeout(Math.max(250, connectionWait.toMillis()));
        config.setValidationTimeout(Math.max(250, connectionWait.toMillis() / 2));
        config.setInitializationFailTimeout(connectFirst ? 5_000 : -1);
        // an idle connection is pinged now and then: a dead one is replaced before a shopper needs it
        config.setKeepaliveTime(120_000);
        config.setAutoCommit(true);
        // the guarded stock UPDATEs rely on READ COMMITTED re-checks, whatever the server's default
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        Mappers parsed;
        try {
            parsed = mappers.get();
        } catch (RuntimeException | Error e) {
            source.closeUnused();
            throw e;
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            source.closeUnused();
            throw new DataUnavailableException(DbErrors.describe(settings, e), e);
        }
        try {
            return new Database(settings, pool, parsed);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Brings the schema to the version this build carries. When the schema history already lists
     * every packaged migration (the usual start of a kiosk), one query says so and Flyway is not
     * loaded at all; otherwise Flyway migrates as {@link #migrateFully()} does. Returns the schema
     * version now in place.
     */
    public String migrate() {
        return migrate(PackagedMigrations.OLDEST_SERVABLE);
    }

    /**
     * {@link #migrate()} as a build whose oldest servable migration is {@code oldestServable}: a
     * test's way to a schema behind the build that a kiosk still serves when this build has no
     * migration above its own oldest servable one.
     */
    String migrate(String oldestServable) {
        String current = upToDateVersion();
        if (current != null) {
            noticeIfNewer(current);
            return current;
        }
        if (!isOwnerRole()) return checkServable(oldestServable);
        return migrateFully();
    }

    /**
     * A schema newer than this build (the store migrated for a later release before this kiosk
     * was updated) is served, as Flyway would, and said once: this build does not know what the
     * later migrations changed.
     */
    private void noticeIfNewer(String current) {
        String needed = PackagedMigrations.latest();
        if ("?".equals(needed) || PackagedMigrations.compare(current, needed) <= 0) return;
        String line = "the store database is at version " + current + ", newer than this app (" + needed
                + "); update this app to the store's release";
        LOG.warn(line);
        schemaNotice = line;
    }

    /**
     * Flyway's full run: scans the packaged migrations, validates the applied ones against them
     * (a changed checksum fails here) and applies what is pending. {@code db migrate} runs this.
     *
     * @throws ShopException (OWNER_ROLE_NEEDED) when connected as a kiosk role, which never migrates
     */
    public String migrateFully() {
        requireOwnerRole("db migrate");
        MigrateResult result = flyway().migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : schemaVersion();
    }

    /**
     * True when this connection's role may act as the schema's owner (the store's migrator, or a
     * superuser such as the embedded database's); false for a kiosk role. A database with no schema
     * yet counts as the owner's: whoever migrates it will own it.
     */
    public boolean isOwnerRole() {
        Boolean owner = ownerRole;
        if (owner == null) {
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select coalesce(pg_has_role(current_user, (select relowner from"
                            + " pg_class where oid = to_regclass('public.flyway_schema_history')), 'USAGE'), true)")) {
                rs.next();
                owner = rs.getBoolean(1);
            } catch (SQLException e) {
                throw new DataUnavailableException(DbErrors.describe(settings, e), e);
            }
            ownerRole = owner;
        }
        return owner;
    }

    /** @throws ShopException (OWNER_ROLE_NEEDED) naming {@code command} when connected as a kiosk role */
    public void requireOwnerRole(String command) {
        if (!isOwnerRole()) {
            throw new ShopException(
                    "OWNER_ROLE_NEEDED",
                    command + " needs the store owner's database role; '" + settings.user()
                            + "' is a kiosk role (it reads the catalog and serves shoppers, nothing more)");
        }
    }

    /**
     * One line when the schema is behind this build but still servable by a kiosk ("the store
     * database is at version X; this app needs Y; ask IT to run db migrate") or newer than this
     * build ("... newer than this app (Y); update this app ..."), else empty.
     */
    public Optional<String> schemaNotice() {
        return Optional.ofNullable(schemaNotice);
    }

    /**
     * A kiosk role never migrates: a schema behind this build is served when it has every
     * migration up to {@code oldestServable} ({@link PackagedMigrations#OLDEST_SERVABLE}), and
     * refused otherwise, in one line.
     */
    private String checkServable(String oldestServable) {
        Set<String> applied = new HashSet<>();
        String latest = null;
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select version from flyway_schema_history where version is not null and success")) {
            while (rs.next()) {
                String v = PackagedMigrations.normalizeOrNull(rs.getString(1));
                if (v == null) continue;
                applied.add(v);
                if (latest == null || PackagedMigrations.compare(v, latest) > 0) latest = v;
            }
        } catch (SQLException e) {
            if (DbErrors.isConnectionFailure(e)) throw new DataUnavailableException(DbErrors.describe(settings, e), e);
            // no schema yet, or one from before kiosk roles could read its history
        }
        String needed = PackagedMigrations.latest();
        List<String> gaps = latest == null
                ? List.of()
                : PackagedMigrations.gapsBelow(latest, applied, PackagedMigrations.versions());
        String line = "the store database is at version " + (latest == null ? "(none)" : latest)
                + (gaps.isEmpty() ? "" : " but lacks " + PackagedMigrations.describe(gaps)) + "; this app needs "
                + needed + "; ask IT to run db migrate";
        if (!PackagedMigrations.servable(applied, PackagedMigrations.versions(), oldestServable)) {
            throw new ShopException("SCHEMA_BEHIND", line);
        }
        LOG.warn(line);
        schemaNotice = line;
        return latest;
    }

    /** True when every migration this build carries is recorded as applied. */
    public boolean isUpToDate() {
        return upToDateVersion() != null;
    }

    private String upToDateVersion() {
        Set<String> packaged = PackagedMigrations.versions();
        if (packaged.isEmpty()) return null; // unknown (or repeatable migrations): ask Flyway
        Set<String> applied = new HashSet<>();
        String latest = null;
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) return null;
            }
            try (ResultSet rs = s.executeQuery(
                    "select version, success from flyway_schema_history where version is not null order by installed_rank")) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) return null; // a failed migration: Flyway reports it
                    String v = PackagedMigrations.normalizeOrNull(rs.getString(1));
                    if (v == null) return null; // not a version this check understands
                    applied.add(v);
                    if (latest == null || PackagedMigrations.compare(v, latest) > 0) latest = v;
                }
            }
        } catch (SQLException e) {
            if (DbErrors.isConnectionFailure(e)) {
                throw new DataUnavailableException(DbErrors.describe(settings, e), e);
            }
            return null; // anything unusual: Flyway decides and reports
        }
        return applied.containsAll(packaged) ? latest : null;
    }

    public String schemaVersion() {
        var current = flyway().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    private Flyway flyway() {
        // its own connections, with no socket timeout: a migration may rebuild an index for minutes
        return Flyway.configure()
                .dataSource(new PgDriverDataSource(settings, 0))
                .locations("classpath:" + PackagedMigrations.LOCATION)
                .load();
    }

    /**
     * A mapper whose calls join the thread's transaction. A lost or refused connection surfaces as
     * {@link DataUnavailableException} (one clear message; the UI shows its banner), whatever
     * MyBatis wrapped it in; other failures pass through unchanged.
     */
    public <T> T mapper(Class<T> type) {
        T mapper = sessions.getMapper(type);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return method.invoke(mapper, args);
            refuseIfUnreachable();
            try {
                if (sessions.isManagedSessionStarted()) return method.invoke(mapper, args);
                // a call outside a transaction is one autocommit statement: a session with
                // autocommit off would make pgjdbc send BEGIN with it and COMMIT when MyBatis puts
                // autocommit back on at close, a second round trip for every read
                try (SqlSession single = sessions.openSession(true)) {
                    return method.invoke(single.getMapper(type), args);
                }
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (DbErrors.isConnectionFailure(cause)) connectionLost.accept(cause);
                if (!(cause instanceof DataUnavailableException) && DbErrors.isConnectionFailure(cause)) {
                    throw new DataUnavailableException(
                            "The store database cannot be reached right now. Please try again in a moment.", cause);
                }
                if (!(cause instanceof ShopException) && DbErrors.isBusy(cause)) {
                    // a row locked past lock_timeout, a statement past statement_timeout: the
                    // shopper gets "busy, try again", the log the database's words
                    LOG.warn("the store database gave up waiting: {}", DbErrors.firstLine(cause));
                    throw DbErrors.busy(cause);
                }
                if (!(cause instanceof ShopException) && DbErrors.isRefused(cause)) {
                    // a kiosk role asked for more than it is granted, or for rows of a session it
                    // does not present: a clear refusal (logged with the database's words), no stack trace
                    LOG.warn("refused by the store database: {}", DbErrors.firstLine(cause));
                    throw new ShopException(
                            "NOT_ALLOWED",
                            "The store database does not allow this here: " + DbErrors.firstLine(cause),
                            cause);
                }
                throw cause;
            }
        }));
    }

    /**
     * Watches this database for a kiosk that can answer from elsewhere (decision 0091): every lost
     * or refused connection a mapper or a transaction meets is handed to {@code lost}, and while
     * {@code refuseNow} is true every mapper call and transaction fails at once with
     * {@link DataUnavailableException} instead of waiting for the network. {@link #dataSource()} is
     * not watched.
     */
    public void watch(BooleanSupplier refuseNow, Consumer<Throwable> lost) {
        this.refuse = Objects.requireNonNull(refuseNow, "refuseNow");
        this.connectionLost = Objects.requireNonNull(lost, "lost");
    }

    private void refuseIfUnreachable() {
        if (refuse.getAsBoolean()) {
            throw new DataUnavailableException(
                    "The store database cannot be reached right now. Please try again in a moment.", null);
        }
    }

    /**
     * Whether the server answers now, asked on a connection of its own (never the pool's, which may
     * hold connections the network dropped): connect, sign in and {@code select 1} within
     * {@code within}. Never throws.
     */
    public boolean answers(Duration within) {
        int seconds = (int) Math.max(1, (within.toMillis() + 999) / 1000);
        PgDriverDataSource probe = new PgDriverDataSource(settings);
        probe.setLoginTimeout(seconds);
        try (Connection c = probe.connect()) {
            c.setNetworkTimeout(Runnable::run, (int) Math.max(1, within.toMillis()));
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 1")) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Closes the pool's idle connections now and the others when they are handed back: after the
     * network or the server came back, what the pool held was cut with it.
     */
    public void dropConnections() {
        var bean = pool.getHikariPoolMXBean();
        if (bean != null) bean.softEvictConnections();
    }

    /** Reports every wait for a connection of this pool to {@code watcher}; once per database. */
    public void watchPool(PoolWatcher watcher) {
        pool.setMetricsTrackerFactory(PoolWatcher.trackerFor(Objects.requireNonNull(watcher, "watcher")));
    }

    /**
     * Inside this thread's transaction: its statements get an ordinary pool's timeouts (30 s a
     * statement, 45 s for the server's answer) instead of the shorter ones this pool was opened
     * with, for a long stream of rows. The connection has its own back when the transaction ends
     * (the server drops a SET LOCAL at its end, the pool resets the network timeout on return).
     */
    public void allowOrdinaryTimeouts() {
        if (!sessions.isManagedSessionStarted()) throw new IllegalStateException("only inside a transaction");
        try {
            Connection c = sessions.getConnection();
            // sent under the short timeout still: a server that hangs now is left within it
            try (Statement s = c.createStatement()) {
                s.execute("set local statement_timeout = '30s'");
            }
            c.setNetworkTimeout(Runnable::run, PgDriverDataSource.SOCKET_TIMEOUT_SECONDS * 1000);
        } catch (SQLException e) {
            throw new DataUnavailableException(DbErrors.describe(settings, e), e);
        }
    }

    /** True while this thread is inside {@link #transactions()}' work. */
    public boolean inTransaction() {
        return sessions.isManagedSessionStarted();
    }

    public Transactions transactions() {
        return transactions;
    }

    /**
     * A connection of its own, outside the pool, for a caller that keeps it for long (a LISTEN
     * connection): the same settings and timeouts as the pool's. The caller closes it.
     */
    public Connection openDedicated() throws SQLException {
        return new PgDriverDataSource(settings).connect();
    }

    /** Connections that carry the presented session (see {@link #sessions()}). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The customer or clerk session this app presents to the database. */
    public PresentedSessions sessions() {
        return presented;
    }

    public DbSettings settings() {
        return settings;
    }

    /**
     * Reports to {@code registry} from now on: the pool's own meters (HikariCP's Micrometer
     * tracker: {@code hikaricp.connections.acquire} is the wait for a connection, plus usage,
     * pending threads and timeouts) and {@code db.statement}, the round trip of each mapped
     * statement. Call once, before the first turn; a second call is refused by the pool.
     */
    public void measure(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        sessions.getConfiguration().addInterceptor(new StatementTimer(registry));
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Thread-bound MyBatis sessions: mappers from this database join the open transaction. */
    private static final class ManagedTransactions implements Transactions {
        private final SqlSessionManager sessions;
        private final Database db;

        ManagedTransactions(SqlSessionManager sessions, Database db) {
            this.sessions = sessions;
            this.db = db;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (sessions.isManagedSessionStarted()) {
                return work.get();
            }
            db.refuseIfUnreachable();
            // isolation is set once per connection by the pool (READ COMMITTED): naming it here
            // would cost a SET round trip per transaction
            sessions.startManagedSession(ExecutorType.SIMPLE);
            try {
                T result = work.get();
                sessions.commit(true);
                return result;
            } catch (RuntimeException | Error e) {
                if (DbErrors.isConnectionFailure(e)) db.connectionLost.accept(e);
                try {
                    sessions.rollback(true);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                sessions.close();
            }
        }
    }
}

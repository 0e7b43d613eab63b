package com.shopassist.data.db;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.Transactions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.io.VFS;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.session.SqlSessionManager;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * One PostgreSQL database: a HikariCP pool, Flyway migrations (sql module, db/migration) and
 * MyBatis. Mappers are interfaces under {@code com.shopassist.data} with their XML at the same
 * path under resources; all are registered here. A mapper obtained from {@link #mapper(Class)}
 * joins the transaction of {@link #transactions()} when one is open on this thread, and
 * otherwise runs on its own auto-committed session.
 */
public final class Database implements AutoCloseable {

    static {
        // before MyBatis picks its VFS (once, on first use): list jars by their central directory
        VFS.addImplClass(ZipFileVfs.class);
    }

    private final DbSettings settings;
    private final HikariDataSource dataSource;
    private final SqlSessionManager sessions;
    private final Transactions transactions;

    private Database(DbSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        Configuration configuration =
                new Configuration(new Environment("shopassist", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setDefaultStatementTimeout(30);
        configuration.setCacheEnabled(false); // caching is Caffeine's job, with explicit invalidation
        // no session-local result cache: a repeated SELECT inside one transaction (a retried
        // reservation, a re-read after a locking UPDATE) must see the database, not a stale copy
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.addMappers("com.shopassist.data", SqlMapper.class);
        SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
        this.sessions = SqlSessionManager.newInstance(factory);
        this.transactions = new ManagedTransactions(sessions);
    }

    /** Opens a pool to the database; does not migrate. Fails fast with a clear message. */
    public static Database open(DbSettings settings, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) config.setUsername(settings.user());
        if (settings.password() != null) config.setPassword(settings.password());
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        config.setPoolName("shopassist");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(5_000);
        config.setAutoCommit(true);
        // the guarded stock UPDATEs rely on READ COMMITTED re-checks, whatever the server's default
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("ApplicationName", "ShopAssist");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            return new Database(settings, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new DataUnavailableException(DbErrors.describe(settings, e), e);
        }
    }

    /** Applies pending Flyway migrations; returns the schema version now in place. */
    public String migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : schemaVersion();
    }

    public String schemaVersion() {
        var current = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .info()
                .current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /**
     * A mapper whose calls join the thread's transaction. A lost or refused connection surfaces as
     * {@link DataUnavailableException} (one clear message; the UI shows its banner), whatever
     * MyBatis wrapped it in; other failures pass through unchanged.
     */
    public <T> T mapper(Class<T> type) {
        T mapper = sessions.getMapper(type);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return method.invoke(mapper, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof DataUnavailableException) && DbErrors.isConnectionFailure(cause)) {
                    throw new DataUnavailableException(
                            "The store database cannot be reached right now. Please try again in a moment.", cause);
                }
                throw cause;
            }
        }));
    }

    public Transactions transactions() {
        return transactions;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DbSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** Thread-bound MyBatis sessions: mappers from this database join the open transaction. */
    private static final class ManagedTransactions implements Transactions {
        private final SqlSessionManager sessions;

        ManagedTransactions(SqlSessionManager sessions) {
            this.sessions = sessions;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (sessions.isManagedSessionStarted()) {
                return work.get();
            }
            // isolation is set once per connection by the pool (READ COMMITTED): naming it here
            // would cost a SET round trip per transaction
            sessions.startManagedSession(ExecutorType.SIMPLE);
            try {
                T result = work.get();
                sessions.commit(true);
                return result;
            } catch (RuntimeException | Error e) {
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

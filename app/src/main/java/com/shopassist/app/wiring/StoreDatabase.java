package com.shopassist.app.wiring;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.startup.StartupTimeline;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.EmbeddedDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store database of this run: the one configured, else the embedded PostgreSQL in the data
 * folder (started here), opened and migrated. Not thread-safe: {@link AppWiring} calls it under
 * its lock.
 */
final class StoreDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);

    private final AppConfig config;
    private EmbeddedDatabase embedded;

    StoreDatabase(AppConfig config) {
        this.config = config;
    }

    /**
     * Opens and migrates the database (starting the embedded server when none is configured); a call
     * waits up to {@code connectionWait} for a connection from the pool.
     * Throws {@link com.shopassist.core.common.DataUnavailableException} with a one-line message
     * when it cannot be reached; then nothing stays open, and a later call tries again.
     */
    Database open(Duration connectionWait) {
        // the mapper XML is parsed on another thread while PostgreSQL starts (or the first
        // connection is made): on a cold JVM both take the better part of a second
        CompletableFuture<Database.Mappers> mappers = CompletableFuture.supplyAsync(Database.Mappers::parse);
        Optional<DbSettings> external = config.externalDatabase();
        DbSettings settings;
        if (external.isPresent()) {
            settings = external.get();
        } else {
            embedded = EmbeddedDatabase.start(config.dataDir().resolve("db"));
            settings = embedded.settings();
            StartupTimeline.mark("embedded PostgreSQL started" + (embedded.created() ? " (new)" : ""));
        }
        Database db = null;
        try {
            long t0 = System.nanoTime();
            db = Database.open(
                    settings,
                    config.intSetting("db.pool-size", "SHOPASSIST_DB_POOL_SIZE", 10),
                    mappers::join,
                    connectionWait);
            StartupTimeline.mark("pool open, mappers parsed");
            long t1 = System.nanoTime();
            String version = db.migrate();
            StartupTimeline.mark("schema at version " + version);
            LOG.info(
                    "database {} at schema version {} (pool {} ms, migrate {} ms)",
                    settings.safeUrl(),
                    version,
                    (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            return db;
        } catch (RuntimeException e) {
            if (db != null) db.close();
            closeEmbedded();
            throw e;
        }
    }

    /**
     * The configured store database's pool, opened without reaching it (it cannot be reached now):
     * for a kiosk that starts on its replica. Not migrated; that waits until it answers.
     */
    Database openUnreachable(Duration connectionWait) {
        DbSettings settings = config.externalDatabase().orElseThrow();
        return Database.openUnreachable(
                settings,
                config.intSetting("db.pool-size", "SHOPASSIST_DB_POOL_SIZE", 10),
                Database.Mappers::parse,
                connectionWait);
    }

    /** The embedded server, if {@link #open()} started one. */
    Optional<EmbeddedDatabase> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** Stops the embedded server, if one was started; the caller closed the database first. */
    @Override
    public void close() {
        closeEmbedded();
    }

    private void closeEmbedded() {
        if (embedded != null) embedded.close();
        embedded = null;
    }

    /**
     * True when a connection can be had and answers within two seconds; false at once while the
     * replica answers (the switch itself finds out when the store database is back).
     */
    static BooleanSupplier probe(Database db, StoreStatus store) {
        return () -> {
            if (store.source() == StoreStatus.Source.LOCAL) return false;
            try (Connection c = db.dataSource().getConnection()) {
                return c.isValid(2);
            } catch (Exception e) {
                return false;
            }
        };
    }
}

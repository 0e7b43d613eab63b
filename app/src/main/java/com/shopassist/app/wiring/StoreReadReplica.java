package com.shopassist.app.wiring;

import com.shopassist.app.config.AppConfig;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.ReadReplica;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store database's read replica, when {@code db.read-url} names one (decision 0086): catalog,
 * search and product-vector reads go to it while it is fresh. Its settings: {@code
 * db.read-max-lag-seconds} (10, at least 1), {@code db.read-probe-ms} (1,000, at least 100) and
 * {@code db.read-pool-size} (the store database's {@code db.pool-size}).
 */
final class StoreReadReplica {

    private static final Logger LOG = LoggerFactory.getLogger(StoreReadReplica.class);

    private StoreReadReplica() {}

    /**
     * The replica over {@code primary}, probing in the background and handed to {@code closeOnExit};
     * null when none is configured. Never connects here: a replica that is down at start leaves the
     * reads on the primary until it answers.
     */
    static ReadReplica start(AppConfig config, Database primary, Consumer<AutoCloseable> closeOnExit) {
        Optional<DbSettings> settings = config.readReplica();
        if (settings.isEmpty()) {
            if (config.setting("db.read-url", "SHOPASSIST_DB_READ_URL", null) != null) {
                LOG.warn("db.read-url is set, but there is no store database (db.url): it is not used");
            }
            return null;
        }
        ReadReplica replica = ReadReplica.start(primary, settings.get(), settings(config));
        closeOnExit.accept(replica);
        LOG.info(
                "catalog reads go to the read replica {} while it is fresh",
                settings.get().safeUrl());
        return replica;
    }

    static ReadReplica.Settings settings(AppConfig config) {
        int poolSize = config.intSetting("db.pool-size", "SHOPASSIST_DB_POOL_SIZE", 10);
        return new ReadReplica.Settings(
                Duration.ofSeconds(Math.max(
                        1, config.intSetting("db.read-max-lag-seconds", "SHOPASSIST_DB_READ_MAX_LAG_SECONDS", 10))),
                Duration.ofMillis(
                        Math.max(100, config.intSetting("db.read-probe-ms", "SHOPASSIST_DB_READ_PROBE_MS", 1_000))),
                Duration.ofSeconds(5),
                Math.max(1, config.intSetting("db.read-pool-size", "SHOPASSIST_DB_READ_POOL_SIZE", poolSize)));
    }
}

package com.shopassist.app.wiring;

import com.shopassist.app.config.AppConfig;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.replica.StoreStatus.Source;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.Database;
import com.shopassist.data.replica.LocalStore;
import com.shopassist.data.replica.ReplicaRefresh;
import com.shopassist.data.replica.StoreSwitch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local replica of a kiosk on a store database (decisions 0090, 0091): its own database in
 * the data folder (opened while the store database is), the switch between the two, and the
 * refresh in the background: at start, every {@code replica.refresh-minutes}, and as soon as the
 * store database answers again after an outage. A replica left by an earlier run answers at once,
 * before this run's first refresh. Not a part the db commands use, except {@code db sync}.
 */
final class KioskReplica implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KioskReplica.class);

    private final Database shared;
    private final Clock clock;
    private final CompletableFuture<LocalStore> opening;
    private final StoreSwitch store;
    private final Duration every;
    private final List<Consumer<ReplicaRefresh.Report>> refreshed = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shopassist-replica-refresh");
        t.setDaemon(true);
        return t;
    });
    private StoreRepositories local;
    private ReplicaRefresh refresh;
    private boolean started;
    private boolean closed;

    /** Settings the kiosk reads: the refresh interval, the switch's deadline and its probe interval. */
    record Settings(Duration refreshEvery, Duration switchAfter, Duration probeEvery) {

        /**
         * {@code replica.refresh-minutes} (5, at least 1), {@code replica.switch-after-ms} (1,500, at
         * least 100), {@code replica.probe-seconds} (3, at least 1).
         */
        static Settings of(AppConfig config) {
            return new Settings(
                    Duration.ofMinutes(Math.max(
                            1, config.intSetting("replica.refresh-minutes", "SHOPASSIST_REPLICA_REFRESH_MINUTES", 5))),
                    Duration.ofMillis(Math.max(
                            100,
                            config.intSetting("replica.switch-after-ms", "SHOPASSIST_REPLICA_SWITCH_AFTER_MS", 1_500))),
                    Duration.ofSeconds(Math.max(
                            1, config.intSetting("replica.probe-seconds", "SHOPASSIST_REPLICA_PROBE_SECONDS", 3))));
        }
    }

    KioskReplica(Database shared, CompletableFuture<LocalStore> opening, Clock clock, Settings settings) {
        this.shared = shared;
        this.clock = clock;
        this.opening = opening;
        this.every = settings.refreshEvery();
        this.store = new StoreSwitch(shared, settings.switchAfter(), settings.probeEvery());
        store.addListener(source -> {
            if (source == Source.SHARED) refreshInBackground();
        });
    }

    StoreStatus status() {
        return store;
    }

    StoreSwitch storeSwitch() {
        return store;
    }

    /** The kiosk's local database, once open; empty when it could not be opened (logged). */
    Optional<Database> localDatabase() {
        return Optional.ofNullable(localStore()).map(LocalStore::database);
    }

    /** The picture references of the products on sale in the replica. */
    List<String> imageRefs() {
        return refresh().imageRefs();
    }

    /** Runs {@code action} after each refresh that succeeded (on the refresh thread). */
    void afterRefresh(Consumer<ReplicaRefresh.Report> action) {
        refreshed.add(action);
    }

    /**
     * The store database could not be reached at start: the replica left by an earlier run answers
     * from now on, and the kiosk turns to the store database once it answers and its schema is
     * one this build serves (migrated by the store owner's role; a kiosk role only checks it).
     */
    void startOffline(Throwable why) {
        attachExisting();
        store.checkBeforeShared(shared::migrate);
        store.startLocal(why);
    }

    /** A replica left by an earlier run answers now; a refresh runs now and then every interval. */
    synchronized void startRefreshing() {
        if (started || closed) return;
        started = true;
        refresher.execute(this::attachExisting);
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One refresh now, on the caller's thread ({@code db sync}, tests).
     *
     * @throws DataUnavailableException when the store database or the local one cannot be used
     */
    ReplicaRefresh.Report refreshNow(boolean full) {
        ReplicaRefresh r = refresh();
        ReplicaRefresh.Report report = r.run(full);
        StoreRepositories repositories = localRepositories();
        // the replica's own caches held the answers of before
        repositories.catalogChanged();
        store.replicaReady(repositories.replicaPorts(), report.asOf());
        for (Consumer<ReplicaRefresh.Report> action : refreshed) {
            try {
                action.accept(report);
            } catch (RuntimeException e) {
                LOG.warn("after the replica refresh: {}", e.toString());
            }
        }
        return report;
    }

    private void refreshInBackground() {
        synchronized (this) {
            if (!started || closed) return;
        }
        refresher.execute(this::refreshQuietly);
    }

    private void refreshQuietly() {
        if (store.source() == Source.LOCAL) return; // the probe says when it answers again
        try {
            refreshNow(false);
        } catch (DataUnavailableException e) {
            LOG.warn("{}", e.getMessage());
            if (localStore() != null) store.sharedUnreachable(e);
        } catch (RuntimeException e) {
            LOG.warn("the replica was not refreshed: {}", e.getMessage());
        }
    }

    private void attachExisting() {
        try {
            Optional<Instant> asOf = refresh().asOf();
            if (asOf.isPresent()) {
                store.replicaReady(localRepositories().replicaPorts(), asOf.get());
                LOG.info("local replica ready (prices and stock as of {})", asOf.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("the local replica cannot answer yet: {}", e.getMessage());
        }
    }

    private synchronized ReplicaRefresh refresh() {
        if (refresh == null) {
            LocalStore s = localStore();
            if (s == null) {
                throw new DataUnavailableException("The local replica could not be opened (see the log)", null);
            }
            refresh = new ReplicaRefresh(shared, s.database(), clock);
        }
        return refresh;
    }

    private synchronized StoreRepositories localRepositories() {
        if (local == null) {
            LocalStore s = localStore();
            if (s == null) {
                throw new DataUnavailableException("The local replica could not be opened (see the log)", null);
            }
            local = StoreRepositories.over(s.database(), clock);
        }
        return local;
    }

    private LocalStore localStore() {
        try {
            return opening.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        LocalStore s = localStore();
        if (s != null) s.close();
    }
}

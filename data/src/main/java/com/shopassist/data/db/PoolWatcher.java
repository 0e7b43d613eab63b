package com.shopassist.data.db;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;

/**
 * Hears how long calls waited for a connection from a {@link Database}'s pool (HikariCP's own
 * timing of each loan), and the waits that gave up: a load test reports the pool's share of a turn.
 */
public interface PoolWatcher {

    /** A call got a connection after waiting {@code nanos}. */
    void waited(long nanos);

    /** A call gave up waiting for a connection. */
    void timedOut();

    /** The pool's metrics tracker that reports to {@code watcher}. */
    static MetricsTrackerFactory trackerFor(PoolWatcher watcher) {
        return (poolName, stats) -> new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                watcher.waited(nanos);
            }

            @Override
            public void recordConnectionTimeout() {
                watcher.timedOut();
            }
        };
    }
}

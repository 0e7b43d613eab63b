package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.StoreRepositories;
import com.shopassist.data.testing.TestDatabase;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DatabaseMetricsIT {

    @Test
    void statementsAndPoolWaitsAreTimedOnceMeasured() {
        try (Database db = TestDatabase.freshSeeded()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            db.measure(registry);
            StoreRepositories repos = StoreRepositories.over(db, Clock.systemUTC());
            repos.catalog().categories();
            repos.catalog().categories();

            Timer selects = registry.find("db.statement").tag("kind", "select").timer();
            assertThat(selects).isNotNull();
            assertThat(selects.count()).isGreaterThanOrEqualTo(1);
            assertThat(selects.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                    .isPositive();
            Timer acquire = registry.find("hikaricp.connections.acquire").timer();
            assertThat(acquire).isNotNull();
            assertThat(acquire.count()).isGreaterThanOrEqualTo(1);
        }
    }
}

package com.shopassist.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.testing.Eventually;
import com.shopassist.data.testing.ReplicatedStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk configured with {@code db.read-url} (decision 0086), through the composition root, on two
 * real servers in streaming replication: its catalog reads go to the standby, and to the primary
 * once the standby stops.
 */
class ReadReplicaWiringIT {

    @TempDir
    static Path folder;

    @TempDir
    Path dataDir;

    static ReplicatedStore pair;

    @BeforeAll
    static void up() {
        pair = ReplicatedStore.seeded(folder, 200);
    }

    @AfterAll
    static void down() {
        pair.close();
    }

    @Test
    void catalogReadsGoToTheConfiguredReplicaAndToThePrimaryWhenItStops() {
        DbSettings primary = pair.primary().directSettings();
        Map<String, String> env = new HashMap<>();
        env.put("SHOPASSIST_DB_URL", primary.jdbcUrl());
        env.put("SHOPASSIST_DB_USER", primary.user());
        env.put("SHOPASSIST_DB_PASSWORD", primary.password());
        env.put("SHOPASSIST_DB_READ_URL", pair.standby().directSettings().jdbcUrl());
        env.put("SHOPASSIST_DB_READ_PROBE_MS", "200");
        env.put("SHOPASSIST_DB_READ_MAX_LAG_SECONDS", "300");
        env.put("SHOPASSIST_REPLICA", "off");
        env.put("SHOPASSIST_SEMANTIC", "off");
        long id = Long.parseLong(ReplicatedStore.query(primary, "select min(product_id) from tbl_product"));
        String name = ReplicatedStore.query(primary, "select product_name from tbl_product where product_id = " + id);
        try (AppWiring kiosk = new AppWiring(
                AppConfig.resolve(GlobalOptions.parse(List.of("--data-dir", dataDir.toString())), env),
                Clock.systemUTC())) {
            StoreRepositories repositories = kiosk.repositories();
            // the probe's own connection to the standby shows that it has probed (and, the primary
            // being idle, found the standby fresh); one more round to be sure
            Eventually.waitUntil(
                    "the kiosk probes the standby",
                    Duration.ofSeconds(30),
                    () -> Integer.parseInt(pair.fromStandby(
                                    "select count(*) from pg_stat_activity where application_name = 'ShopAssist'"))
                            > 0);
            sleep(1_000);
            pair.pauseReplay();
            try {
                pair.onPrimary("update tbl_product set product_name = 'Only on the primary' where product_id = " + id);

                repositories.catalogChanged();
                assertThat(repositories.catalog().products(List.of(id), Instant.now()))
                        .singleElement()
                        .satisfies(p -> assertThat(p.name()).isEqualTo(name));

                pair.standby().stop();
                repositories.catalogChanged();
                assertThat(repositories.catalog().products(List.of(id), Instant.now()))
                        .singleElement()
                        .satisfies(p -> assertThat(p.name()).isEqualTo("Only on the primary"));
            } finally {
                pair.standby().start();
                pair.resumeReplay();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

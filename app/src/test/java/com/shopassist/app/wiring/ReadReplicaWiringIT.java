package com.shopassist.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.ReadReplica;
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
            ReadReplica reads = repositories.readReplica().orElseThrow();
            Eventually.waitUntil("the kiosk finds the standby fresh", Duration.ofSeconds(30), reads::usable);
            pair.pauseReplay();
            try {
                pair.onPrimary("update tbl_product set product_name = 'Only on the primary' where product_id = " + id);

                repositories.catalogChanged();
                assertThat(repositories.catalog().products(List.of(id), Instant.now()))
                        .singleElement()
                        .satisfies(p -> assertThat(p.name()).isEqualTo(name));
                assertThat(reads.replicaReads()).isPositive();

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
}

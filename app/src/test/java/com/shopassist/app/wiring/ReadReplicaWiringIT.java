package com.shopassist.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.Main;
import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.ReadReplica;
import com.shopassist.data.testing.Eventually;
import com.shopassist.data.testing.ReplicatedStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
                MeterRegistry meters = kiosk.telemetry().registry();
                assertThat(meters.get("read.replica.used").gauge().value()).isEqualTo(1.0);
                assertThat(meters.get("read.replica.reads")
                                .tag("to", "replica")
                                .functionCounter()
                                .count())
                        .isEqualTo(reads.replicaReads());

                double primaryReadsBefore = meters.get("read.replica.reads")
                        .tag("to", "primary")
                        .functionCounter()
                        .count();
                pair.standby().stop();
                repositories.catalogChanged();
                assertThat(repositories.catalog().products(List.of(id), Instant.now()))
                        .singleElement()
                        .satisfies(p -> assertThat(p.name()).isEqualTo("Only on the primary"));
                assertThat(meters.get("read.replica.used").gauge().value())
                        .as("a stopped replica is no longer used")
                        .isEqualTo(0.0);
                assertThat(meters.get("read.replica.reads")
                                .tag("to", "primary")
                                .functionCounter()
                                .count())
                        .as("the read after the stop was answered by the primary")
                        .isGreaterThan(primaryReadsBefore);
            } finally {
                pair.standby().start();
                pair.resumeReplay();
            }
        }
    }

    @Test
    void dbInfoSaysWhetherTheReadReplicaIsFreshAndThatAStoppedOneIsNotUsed() {
        DbSettings primary = pair.primary().directSettings();
        List<String> args = List.of(
                "--data-dir", dataDir.toString(),
                "--db-url", primary.jdbcUrl(),
                "--db-user", primary.user(),
                "--db-password", primary.password(),
                "--db-read-url", pair.standby().directSettings().jdbcUrl(),
                "db", "info");
        Eventually.waitUntil(
                "db info finds the read replica fresh",
                Duration.ofSeconds(30),
                () -> run(args)
                        .matches("(?s).*\\nRead replica: +jdbc:postgresql://\\S+, fresh: catalog reads go to it\\R.*"));

        pair.standby().stop();
        try {
            assertThat(run(args)).contains("does not answer: catalog reads go to the primary");
            List<String> json = new java.util.ArrayList<>(args);
            json.add("--json");
            assertThat(run(json)).contains("\"readReplica\":{", "\"state\":\"DOWN\"", "\"catalogReadsTo\":\"primary\"");
        } finally {
            pair.standby().start();
        }
    }

    private static String run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                args,
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SHOPASSIST_SEMANTIC", "off"),
                Clock.systemUTC());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}

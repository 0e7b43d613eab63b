package com.shopassist.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.data.info.DbInfoMapper;
import com.shopassist.data.seed.SeedRunMapper;
import com.shopassist.data.seed.Seeder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default database: embedded, seeded on first start, kept across restarts, stopped on close. */
class AppWiringIT {

    @TempDir
    Path dataDir;

    private AppWiring wiring() {
        return new AppWiring(
                AppConfig.resolve(
                        GlobalOptions.parse(List.of("--data-dir", dataDir.toString())),
                        Map.of("SHOPASSIST_SEMANTIC", "off")),
                Clock.systemUTC());
    }

    @Test
    void firstStartSeedsTheEmbeddedDatabaseAndARestartKeepsItWithoutSeedingAgain() {
        long firstStartMs;
        try (AppWiring app = wiring()) {
            long t0 = System.nanoTime();
            assertThat(app.isEmbedded()).isTrue();
            assertThat(app.database().mapper(DbInfoMapper.class).counts().products())
                    .isEqualTo(Seeder.STANDARD_CATALOG_SIZE);
            firstStartMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(app.embeddedDatabase()).isPresent();
        }
        try (AppWiring app = wiring()) {
            long t0 = System.nanoTime();
            var db = app.database();
            long secondStartMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(db.mapper(DbInfoMapper.class).counts().products()).isEqualTo(Seeder.STANDARD_CATALOG_SIZE);
            assertThat(db.mapper(SeedRunMapper.class).latest().id())
                    .as("seeded once")
                    .isEqualTo(1);
            System.out.printf("embedded first start %d ms, second start %d ms%n", firstStartMs, secondStartMs);
            assertThat(secondStartMs).isLessThan(firstStartMs);
        }
    }

    @Test
    void dbCommandsDoNotSeedOnTheirOwn() {
        try (AppWiring app = wiring()) {
            app.setAutoSeed(false);
            assertThat(app.database().mapper(DbInfoMapper.class).counts().products())
                    .isZero();
        }
    }
}

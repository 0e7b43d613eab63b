package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.testing.Eventually;
import com.shopassist.data.testing.ReplicatedStore;
import com.shopassist.data.testing.TcpProxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog reads on a read replica (decision 0086), against two real PostgreSQL servers in
 * streaming replication: the standby answers while it is fresh; when it lags past the allowed lag,
 * or its server stops, the primary answers by itself, and the standby again once it is fresh.
 */
class ReadReplicaIT {

    static final Clock CLOCK = Clock.systemUTC();
    static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path folder;

    static ReplicatedStore pair;
    static Database primary;
    static long productId;

    ReadReplica reads;
    StoreRepositories repositories;

    @BeforeAll
    static void up() {
        pair = ReplicatedStore.seeded(folder, 300);
        primary = Database.open(pair.primary().directSettings(), 4);
        productId = Long.parseLong(ReplicatedStore.query(
                pair.primary().directSettings(),
                "select min(product_id) from tbl_product where is_active and stock_quantity > 5"));
    }

    @AfterAll
    static void down() {
        primary.close();
        pair.close();
    }

    @BeforeEach
    void replicaRunsAndReplays() {
        pair.standby().start();
        pair.resumeReplay();
        pair.awaitCaughtUp(WITHIN);
    }

    @AfterEach
    void closeReplica() {
        if (reads != null) reads.close();
    }

    /** A replica probed every 200 ms, allowed {@code maxLag}, skipped 500 ms after a failed read. */
    void useReplica(Duration maxLag) {
        reads = ReadReplica.start(
                primary,
                pair.standby().directSettings(),
                new ReadReplica.Settings(maxLag, Duration.ofMillis(200), Duration.ofMillis(500), 2));
        repositories = StoreRepositories.over(primary, CLOCK, reads);
        Eventually.waitUntil("the replica is fresh", WITHIN, reads::usable);
    }

    Product product() {
        repositories.catalogChanged(); // past the catalog cache: each call reads the database
        List<Product> found = repositories.catalog().products(List.of(productId), Instant.now());
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void catalogReadsGoToTheReplicaWhileStockComesFromThePrimary() {
        useReplica(Duration.ofMinutes(5));
        String name = product().name();
        int stock = product().stockQuantity();
        pair.pauseReplay();
        pair.onPrimary("update tbl_product set product_name = 'Renamed on the primary', stock_quantity = " + (stock - 1)
                + " where product_id = " + productId);
        long before = reads.replicaReads();

        Product p = product();

        // the name is the replica's (replay paused, within the allowed lag): the read went there
        assertThat(p.name()).isEqualTo(name);
        assertThat(reads.replicaReads()).isGreaterThan(before);
        // stock is always the primary's
        assertThat(p.stockQuantity()).isEqualTo(stock - 1);
        pair.onPrimary("update tbl_product set product_name = '" + name.replace("'", "''") + "', stock_quantity = "
                + stock + " where product_id = " + productId);
    }

    @Test
    void aReplicaLaggingPastTheAllowedLagIsNotReadAndIsReadAgainOnceItCatchesUp() {
        useReplica(Duration.ofSeconds(1));
        String name = product().name();
        pair.pauseReplay();
        pair.onPrimary("update tbl_product set product_name = 'Lagging test name' where product_id = " + productId);

        Eventually.waitUntil("the replica counts as lagging", WITHIN, () -> !reads.usable());
        long onPrimary = reads.primaryReads();
        assertThat(product().name()).isEqualTo("Lagging test name");
        assertThat(reads.primaryReads()).isGreaterThan(onPrimary);

        pair.resumeReplay();
        Eventually.waitUntil("the replica is fresh again", WITHIN, reads::usable);
        long onReplica = reads.replicaReads();
        assertThat(product().name()).isEqualTo("Lagging test name");
        assertThat(reads.replicaReads()).isGreaterThan(onReplica);
        pair.onPrimary("update tbl_product set product_name = '" + name.replace("'", "''") + "' where product_id = "
                + productId);
    }

    @Test
    void aReadTheStoppedReplicaFailsIsAnsweredByThePrimary() {
        // probed only by hand: the reads below meet the stopped server before any probe does
        reads = ReadReplica.unscheduled(
                primary,
                pair.standby().directSettings(),
                new ReadReplica.Settings(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMillis(500), 2));
        repositories = StoreRepositories.over(primary, CLOCK, reads);
        assertThat(reads.probeNow()).isEqualTo(ReadReplica.State.FRESH);
        ProductQuery kettles = ProductQuery.text("kettle");
        long found = repositories.catalog().search(kettles, Instant.now()).total();
        assertThat(reads.replicaReads()).isEqualTo(1);

        pair.standby().stop();
        for (int i = 0; i < 3; i++) {
            repositories.catalogChanged();
            assertThat(repositories.catalog().search(kettles, Instant.now()).total())
                    .isEqualTo(found);
        }

        assertThat(reads.state()).isEqualTo(ReadReplica.State.DOWN);
        assertThat(reads.replicaReads()).isEqualTo(1);
        assertThat(reads.primaryReads()).isEqualTo(3);
        pair.standby().start();
        Eventually.waitUntil("a probe finds it fresh", WITHIN, () -> reads.probeNow() == ReadReplica.State.FRESH);
        Eventually.waitUntil("the skip is over", WITHIN, reads::usable);
        repositories.catalogChanged();
        repositories.catalog().search(kettles, Instant.now());
        assertThat(reads.replicaReads()).isEqualTo(2);
    }

    @Test
    void aStoppedReplicaIsLeftByItselfAndReadAgainOnceItIsBack() {
        useReplica(Duration.ofSeconds(10));
        ProductQuery kettles = ProductQuery.text("kettle");
        long found = repositories.catalog().search(kettles, Instant.now()).total();
        assertThat(reads.replicaReads()).isPositive();

        pair.standby().stop();
        Eventually.waitUntil("the probe finds it down", WITHIN, () -> reads.state() == ReadReplica.State.DOWN);
        long replicaReadsWhileDown = reads.replicaReads();
        repositories.catalogChanged();
        assertThat(repositories.catalog().search(kettles, Instant.now()).total())
                .isEqualTo(found);
        repositories.catalog().categories();
        assertThat(reads.replicaReads()).isEqualTo(replicaReadsWhileDown);

        pair.standby().start();
        Eventually.waitUntil("the replica answers reads again", WITHIN, () -> {
            repositories.catalogChanged();
            repositories.catalog().search(kettles, Instant.now());
            return reads.replicaReads() > replicaReadsWhileDown;
        });
    }

    @Test
    void aSearchInFlightWhenTheReplicaHangsIsAnsweredByThePrimaryWithinTheReadTimeout() {
        try (TcpProxy path = TcpProxy.to(pair.standby().directSettings())) {
            // probed only by hand: the search below meets the silent replica before any probe does
            reads = ReadReplica.unscheduled(
                    primary,
                    path.reach(pair.standby().directSettings()),
                    new ReadReplica.Settings(
                            Duration.ofMinutes(5),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(5),
                            2,
                            Duration.ofSeconds(2)));
            repositories = StoreRepositories.over(primary, CLOCK, reads);
            assertThat(reads.probeNow()).isEqualTo(ReadReplica.State.FRESH);
            ProductQuery kettles = ProductQuery.text("kettle");
            long found = repositories.catalog().search(kettles, Instant.now()).total();
            assertThat(reads.replicaReads()).isEqualTo(1);

            path.cut(); // the replica's network goes silent: no reset, no error, nothing
            repositories.catalogChanged();
            long began = System.nanoTime();
            long total = repositories.catalog().search(kettles, Instant.now()).total();
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertThat(total).isEqualTo(found);
            assertThat(reads.primaryReads()).isEqualTo(1);
            assertThat(reads.state()).isEqualTo(ReadReplica.State.DOWN);
            // the 2 s read timeout and the primary's answer, not the 45 s of an ordinary pool
            assertThat(took).isLessThan(Duration.ofMillis(3_500));
        }
    }

    @Test
    void theReplicaPoolWaitsItsReadTimeoutAndItsServerCancelsAStatementBefore() throws Exception {
        useReplica(Duration.ofMinutes(5));
        try (Connection c = reads.database().orElseThrow().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show statement_timeout")) {
            rs.next();
            assertThat(c.getNetworkTimeout()).isEqualTo(2_000);
            assertThat(rs.getString(1)).isEqualTo("1500ms");
        }
    }

    @Test
    void theProbeFindsTheReplicaFreshWhileThePrimaryPoolIsExhausted() throws Exception {
        try (Database busy = Database.open(pair.primary().directSettings(), 1);
                // the primary's one pooled connection lent out, as every one is at a rush
                Connection lent = busy.dataSource().getConnection()) {
            reads = ReadReplica.unscheduled(
                    busy,
                    pair.standby().directSettings(),
                    new ReadReplica.Settings(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMillis(500), 2));
            assertThat(reads.probeNow()).isEqualTo(ReadReplica.State.FRESH);
            reads.close();
            reads = null;
        }
    }

    @Test
    void aReplicaBackFromAnOutageIsNotReadUntilAProbeFindsItFreshAgain() {
        reads = ReadReplica.unscheduled(
                primary,
                pair.standby().directSettings(),
                new ReadReplica.Settings(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMillis(100), 2));
        assertThat(reads.probeNow()).isEqualTo(ReadReplica.State.FRESH);
        assertThat(reads.usable()).isTrue();
        pair.standby().stop();
        assertThat(reads.probeNow()).isEqualTo(ReadReplica.State.DOWN);

        pair.standby().start();
        pair.pauseReplay();
        pair.onPrimary("update tbl_product set product_name = product_name where product_id = " + productId);
        assertThat(reads.probeNow()).isEqualTo(ReadReplica.State.BEHIND);

        // the moment it was fresh before the outage is within the allowed lag, and says nothing now
        assertThat(reads.usable()).isFalse();
        pair.resumeReplay();
        Eventually.waitUntil("a probe finds it fresh", WITHIN, () -> reads.probeNow() == ReadReplica.State.FRESH);
        assertThat(reads.usable()).isTrue();
    }

    @Test
    void readsInsideATransactionOfThePrimaryStayOnThePrimary() {
        useReplica(Duration.ofMinutes(5));
        long onReplica = reads.replicaReads();
        repositories.transactions().inTransaction(() -> product());
        assertThat(reads.replicaReads()).isEqualTo(onReplica);
    }

    @Test
    void inStockOnlySearchesAndAlternativesStayOnThePrimary() {
        useReplica(Duration.ofMinutes(5));
        long onReplica = reads.replicaReads();
        repositories.catalogChanged();
        repositories.catalog().search(ProductQuery.text("kettle").withInStockOnly(true), Instant.now());
        repositories.catalog().alternatives(productId, 3, Instant.now());
        assertThat(reads.replicaReads()).isEqualTo(onReplica);
    }

    @Test
    void aServerThatIsNoStandbyIsNeverRead() {
        try (ReadReplica notAStandby =
                ReadReplica.unscheduled(primary, pair.primary().directSettings(), ReadReplica.Settings.defaults())) {
            assertThat(notAStandby.probeNow()).isEqualTo(ReadReplica.State.NOT_A_STANDBY);
            assertThat(notAStandby.usable()).isFalse();
            String answer = notAStandby.read(false, () -> "replica", () -> "primary");
            assertThat(answer).isEqualTo("primary");
        }
    }

    @Test
    void productVectorsAreCountedOnTheReplica() {
        useReplica(Duration.ofMinutes(5));
        long onReplica = reads.replicaReads();
        repositories.embeddings().count("any-model");
        assertThat(reads.replicaReads()).isGreaterThan(onReplica);
    }

    @Test
    void productVectorsStreamFromTheReplicaOnOrdinaryTimeouts() {
        useReplica(Duration.ofMinutes(5));
        long onReplica = reads.replicaReads();
        long onPrimary = reads.primaryReads();
        repositories.embeddings().forEach("any-model", v -> {});
        assertThat(reads.replicaReads()).isEqualTo(onReplica + 1);
        assertThat(reads.primaryReads()).isEqualTo(onPrimary);
    }
}

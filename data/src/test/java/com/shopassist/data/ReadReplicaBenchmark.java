package com.shopassist.data;

import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.data.catalog.CatalogMapper;
import com.shopassist.data.catalog.MyBatisCatalogRepository;
import com.shopassist.data.catalog.ReadRoutedCatalog;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.ReadReplica;
import com.shopassist.data.testing.Eventually;
import com.shopassist.data.testing.ReplicatedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The cost of routing catalog search to a read replica (decision 0086): two real PostgreSQL servers
 * on this machine in streaming replication, the same uncached searches against the primary alone
 * and through the routing to the standby, one shopper and then 4 at once. Both servers share this
 * machine's cores, so this measures the routing's own cost and the standby's speed, not the relief
 * of a primary on another machine. searches/s counts each path over the whole interleaved run
 * (both share its time). Prints numbers, asserts nothing.
 * Run: {@code ./mvnw -B -o -pl data -am verify -Dtest=ReadReplicaBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true
 * [-Dbench.products=10000]}
 */
class ReadReplicaBenchmark {

    static final int REPS = 200;

    @Test
    void run() throws Exception {
        int products = Integer.getInteger("bench.products", 10_000);
        Path folder = Files.createTempDirectory("read-replica-bench");
        try (ReplicatedStore pair = ReplicatedStore.seeded(folder, products);
                Database primary = Database.open(pair.primary().directSettings(), 8);
                ReadReplica replica = ReadReplica.start(
                        primary,
                        pair.standby().directSettings(),
                        new ReadReplica.Settings(
                                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5), 8))) {
            CommerceBenchmark.exec(primary, "ANALYZE");
            pair.awaitCaughtUp(Duration.ofSeconds(60));
            Eventually.waitUntil("the replica is fresh", Duration.ofSeconds(60), replica::usable);
            CatalogRepository primaryOnly = new MyBatisCatalogRepository(primary.mapper(CatalogMapper.class));
            CatalogRepository routed = new ReadRoutedCatalog(primaryOnly, replica, () -> false);
            CommerceBenchmark.say("");
            CommerceBenchmark.say("== read replica, " + products + " products, uncached search, " + REPS + " rounds of "
                    + CommerceBenchmark.QUERIES.size() + " queries; " + CommerceBenchmark.load());
            CommerceBenchmark.say(String.format(
                    "%-28s %8s %8s %8s %8s %10s", "path", "shoppers", "p50 ms", "p95 ms", "p99 ms", "searches/s"));
            for (int shoppers : new int[] {1, 4}) {
                long before = replica.replicaReads();
                measure(primaryOnly, routed, shoppers);
                if (replica.replicaReads() == before) CommerceBenchmark.say("  (the replica answered none of them!)");
            }
            CommerceBenchmark.say("replica reads " + replica.replicaReads() + ", primary reads "
                    + replica.primaryReads() + "; " + CommerceBenchmark.load());
            CommerceBenchmark.say("rerun: ./mvnw -B -o -pl data -am verify -Dtest=ReadReplicaBenchmark"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true"
                    + " -Dbench.products=" + products);
        }
    }

    /**
     * Both paths in the same threads, query by query, the first of the two alternating each round:
     * a machine whose load changes during the run weighs on both alike.
     */
    static void measure(CatalogRepository primaryOnly, CatalogRepository routed, int shoppers) throws Exception {
        List<ProductQuery> queries =
                CommerceBenchmark.QUERIES.stream().map(ProductQuery::text).toList();
        for (int i = 0; i < 3; i++) {
            for (ProductQuery q : queries) {
                primaryOnly.search(q, Instant.now()); // warm up
                routed.search(q, Instant.now());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(shoppers);
        try {
            long t0 = System.nanoTime();
            List<Future<double[][]>> runs = new ArrayList<>();
            for (int s = 0; s < shoppers; s++) {
                runs.add(pool.submit(() -> {
                    double[][] took = new double[2][REPS * queries.size()];
                    int n = 0;
                    for (int r = 0; r < REPS; r++) {
                        for (ProductQuery q : queries) {
                            for (int k = 0; k < 2; k++) {
                                int path = (r + k) % 2; // 0 primary only, 1 routed
                                CatalogRepository repo = path == 0 ? primaryOnly : routed;
                                long t = System.nanoTime();
                                repo.search(q, Instant.now());
                                took[path][n] = (System.nanoTime() - t) / 1e6;
                            }
                            n++;
                        }
                    }
                    return took;
                }));
            }
            List<List<Double>> all = List.of(new ArrayList<>(), new ArrayList<>());
            for (Future<double[][]> f : runs) {
                double[][] took = f.get();
                for (int path = 0; path < 2; path++)
                    for (double d : took[path]) all.get(path).add(d);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (int path = 0; path < 2; path++) {
                double[] v =
                        all.get(path).stream().mapToDouble(Double::doubleValue).toArray();
                CommerceBenchmark.say(String.format(
                        "%-28s %8d %8.2f %8.2f %8.2f %10.0f",
                        path == 0 ? "primary only" : "routed to the replica",
                        shoppers,
                        CommerceBenchmark.pct(v, 50),
                        CommerceBenchmark.pct(v, 95),
                        CommerceBenchmark.pct(v, 99),
                        v.length / seconds));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

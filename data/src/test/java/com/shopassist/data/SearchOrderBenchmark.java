package com.shopassist.data;

import com.shopassist.data.db.Database;
import com.shopassist.data.seed.Seeder;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Only the search part of {@link CommerceBenchmark} (the seed catalog and 100,000 products as
 * seeded, 7% of them sold out): to compare the catalog's search before and after a change of its
 * statement without the minutes of reservations and checkouts. Prints numbers, asserts nothing.
 * Run: {@code ./mvnw -B -o -pl data -am verify -Dtest=SearchOrderBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true}
 */
class SearchOrderBenchmark {

    @Test
    void run() throws Exception {
        try (Database seeded = TestDatabase.freshSeeded(4)) {
            CommerceBenchmark.search(seeded, "seed catalog");
        }
        try (Database big = TestDatabase.fresh(4)) {
            new Seeder(big, Clock.systemUTC()).seed(100_000);
            CommerceBenchmark.exec(big, "ANALYZE");
            CommerceBenchmark.search(big, "100k catalog as db seed leaves it");
        }
    }
}

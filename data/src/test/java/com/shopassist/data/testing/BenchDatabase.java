package com.shopassist.data.testing;

import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Databases a benchmark reads but does not create: a catalog of 1,000,000 products is seeded once
 * ({@code db seed --catalog-size 1000000}, minutes) into a PostgreSQL kept for it, and every run
 * reuses it. {@code -Dbench.db.urls=jdbc:postgresql://host/a,jdbc:postgresql://host/b} with
 * {@code -Dbench.db.user} and {@code -Dbench.db.password}. Benchmarks only: tests use
 * {@link TestDatabase}.
 */
public final class BenchDatabase {

    private BenchDatabase() {}

    /** The JDBC URLs given, none when the property is unset. */
    public static List<String> urls() {
        String urls = System.getProperty("bench.db.urls", "").strip();
        List<String> out = new ArrayList<>();
        for (String u : urls.split(",")) {
            if (!u.isBlank()) out.add(u.strip());
        }
        return out;
    }

    /** A pool to one of {@link #urls()}; it is not migrated (the seed run did that). */
    public static Database open(String url, int poolSize) {
        DbSettings settings = new DbSettings(
                url,
                System.getProperty("bench.db.user", ""),
                System.getProperty("bench.db.password", ""),
                "benchmark system properties");
        return Database.open(settings, poolSize);
    }
}

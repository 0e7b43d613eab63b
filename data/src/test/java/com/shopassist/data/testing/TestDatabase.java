package com.shopassist.data.testing;

import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.seed.Seeder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, a template database migrated
 * once, and a fresh database per test class copied from it ({@code CREATE DATABASE ... TEMPLATE},
 * tens of milliseconds). Never H2, never mocks.
 *
 * <pre>
 * static Database db;
 * &#64;BeforeAll static void up() { db = TestDatabase.fresh(); }
 * &#64;AfterAll static void down() { db.close(); }
 * </pre>
 */
public final class TestDatabase {

    private static final String TEMPLATE = "shopassist_template";
    private static final String SEEDED_TEMPLATE = "shopassist_seeded_template";
    private static boolean seededTemplateReady;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    /** A new, migrated, empty database of its own. */
    public static Database fresh() {
        return fresh(16);
    }

    public static synchronized Database fresh(int poolSize) {
        EmbeddedPostgres pg = server();
        String name = "t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec(pg, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        Database db = Database.open(settings(pg, name), poolSize);
        db.migrate(); // a no-op on the migrated copy; proves the history table came along
        return db;
    }

    /**
     * A new database of its own holding the standard demo seed: 1,200 products in 19 categories,
     * 12 vouchers (one per rule), 12 customers and a clerk (see {@code DemoData}), orders in every
     * status. Copied from a second template that is seeded once per test JVM (about 2 s), so each
     * call takes tens of milliseconds. Voucher dates are relative to when the template was seeded.
     */
    public static Database freshSeeded() {
        return freshSeeded(16);
    }

    public static synchronized Database freshSeeded(int poolSize) {
        EmbeddedPostgres pg = server();
        if (!seededTemplateReady) {
            exec(pg, "CREATE DATABASE " + SEEDED_TEMPLATE + " TEMPLATE " + TEMPLATE);
            try (Database template = Database.open(settings(pg, SEEDED_TEMPLATE), 2)) {
                new Seeder(template, Clock.systemUTC()).seed(Seeder.STANDARD_CATALOG_SIZE);
            }
            seededTemplateReady = true;
        }
        String name = "s_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec(pg, "CREATE DATABASE " + name + " TEMPLATE " + SEEDED_TEMPLATE);
        Database db = Database.open(settings(pg, name), poolSize);
        db.migrate();
        return db;
    }

    /** Settings of a database that is not created: for tests of what happens when it is missing. */
    public static DbSettings settingsFor(String databaseName) {
        return settings(server(), databaseName);
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("shared_buffers", "128MB")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            exec(server, "CREATE DATABASE " + TEMPLATE);
            try (Database template = Database.open(settings(server, TEMPLATE), 2)) {
                template.migrate();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    private static DbSettings settings(EmbeddedPostgres pg, String database) {
        return new DbSettings(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database, "postgres", "", "embedded test");
    }

    private static void exec(EmbeddedPostgres pg, String sql) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

package com.shopassist.app.eval;

import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.EmbeddedDatabase;
import com.shopassist.data.seed.Seeder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies of the demo store on an embedded PostgreSQL of the evaluation's own ({@code eval-db} in
 * the data folder, never the store's database): the demo seed is written once per run into a
 * template database, and each copy is {@code CREATE DATABASE ... TEMPLATE} of it, which takes
 * tens of milliseconds on a server that does not fsync.
 */
public final class ScratchDemoCopies implements DemoCopies {

    private static final String TEMPLATE = "eval_demo";

    private final EmbeddedDatabase server;
    private final DbSettings base;
    private final AtomicInteger counter = new AtomicInteger();

    public ScratchDemoCopies(Path folder, Clock clock) {
        server = EmbeddedDatabase.startScratch(folder);
        base = server.settings();
        try {
            exec("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
            exec("CREATE DATABASE " + TEMPLATE);
            try (Database template = Database.open(settings(TEMPLATE), 2)) {
                template.migrate();
                new Seeder(template, clock).seed(Seeder.STANDARD_CATALOG_SIZE);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public Database copy() {
        String name = "eval_copy_" + counter.incrementAndGet();
        exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        exec("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
        return Database.open(settings(name), 4);
    }

    @Override
    public void discard(Database copy) {
        String url = copy.settings().jdbcUrl();
        copy.close();
        exec("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
    }

    @Override
    public void close() {
        server.close();
    }

    private DbSettings settings(String database) {
        String url = base.jdbcUrl();
        return new DbSettings(
                url.substring(0, url.lastIndexOf('/') + 1) + database, base.user(), base.password(), "eval");
    }

    /** Names are ours (a constant and a counter), never typed by anyone. */
    private void exec(String sql) {
        DbSettings admin = settings("postgres");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

package com.shopassist.data.outbox;

import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A kiosk's local database for tests: a second embedded PostgreSQL server beside the store's
 * ({@code TestDatabase}), migrated with the same files, one fresh database per kiosk. Until the
 * kiosk's own replica fills it, {@link #copyCatalog} copies what selling needs from the store's.
 */
public final class KioskDatabases {

    private static final String TEMPLATE = "kiosk_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** What a kiosk's replica holds: the catalog and the vouchers, parents first. */
    private static final List<String> CATALOG = List.of("tbl_product_category", "tbl_product", "tbl_voucher");

    private static EmbeddedPostgres server;

    private KioskDatabases() {}

    /** A new, migrated, empty local database of its own. */
    public static synchronized Database freshLocal() {
        EmbeddedPostgres pg = server();
        String name = "kiosk_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec(pg, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return Database.open(settings(pg, name), 4);
    }

    /** The local databases' server, started once per test JVM. */
    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "100")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("the kiosks' embedded PostgreSQL did not start", e);
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

    static DbSettings settings(EmbeddedPostgres pg, String database) {
        return new DbSettings(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database, "postgres", "", "embedded test");
    }

    /**
     * Makes the local catalog what the store's is now (a replica refresh, for tests): categories,
     * products with their stock counters and prices, vouchers.
     */
    public static void copyCatalog(Database store, Database local) {
        try (Connection from = store.dataSource().getConnection();
                Connection to = local.dataSource().getConnection()) {
            try (Statement s = to.createStatement()) {
                s.execute("TRUNCATE " + String.join(", ", CATALOG) + " CASCADE");
            }
            CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
            CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
            for (String table : CATALOG) {
                StringWriter rows = new StringWriter();
                out.copyOut("COPY " + table + " TO STDOUT", rows);
                in.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("copying the catalog failed: " + e.getMessage(), e);
        }
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

package com.shopassist.data.testing;

import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.KioskRoles;
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
    /** The store owner of the kiosk tests' databases: migrates, but no superuser (as on Cloud SQL). */
    public static final String OWNER_ROLE = "shopassist_test_owner";
    /** A kiosk's login role, made one by {@code KioskRoles.grant} (db grant-kiosk). */
    public static final String KIOSK_ROLE = "shopassist_test_kiosk";
    /** A second kiosk, for what one kiosk must not see of another's. */
    public static final String OTHER_KIOSK_ROLE = "shopassist_test_kiosk_2";

    private static final String KIOSK_TEMPLATE = "shopassist_kiosk_template";
    private static final String KIOSK_SEEDED_TEMPLATE = "shopassist_kiosk_seeded_template";
    private static boolean seededTemplateReady;
    private static boolean kioskTemplateReady;
    private static boolean kioskSeededTemplateReady;
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

    /**
     * A database of its own in a store's set-up: owned and migrated by a non-superuser owner role
     * ({@link #OWNER_ROLE}), and opened a second time as a kiosk login role ({@link #KIOSK_ROLE},
     * made a kiosk by the same code as {@code db grant-kiosk}). Row-level security holds the kiosk
     * role; the owner, who migrates, is not subject to it and writes the fixtures.
     */
    public static Roles freshWithKiosk(int poolSize) {
        return kioskCopy(false, poolSize);
    }

    /** As {@link #freshWithKiosk(int)}, holding the standard demo seed. */
    public static Roles freshSeededWithKiosk(int poolSize) {
        return kioskCopy(true, poolSize);
    }

    /** A fresh database (as {@link #fresh(int)}) whose owner also plays the kiosk: the owner-role run of a test. */
    public static Roles freshOwnerOnly(int poolSize) {
        Database db = fresh(poolSize);
        return new Roles(db, db);
    }

    /**
     * The owner's and a kiosk's view of one database (the same {@link Database} in an owner-role
     * run), and the sessions a test acts under: {@link #as(long, Supplier)} runs work on this
     * thread as a customer, the way a kiosk presents a signed-in shopper's session.
     */
    public static final class Roles implements AutoCloseable {
        private final Database owner;
        private final Database kiosk;
        private final java.util.Map<Long, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        Roles(Database owner, Database kiosk) {
            this.owner = owner;
            this.kiosk = kiosk;
        }

        public Database owner() {
            return owner;
        }

        public Database kiosk() {
            return kiosk;
        }

        /** True when the kiosk is a kiosk role (row-level security holds it). */
        public boolean kioskRole() {
            return owner != kiosk;
        }

        /** The same database as another kiosk role (one that did not make this kiosk's guest rows). */
        public Database otherKiosk(int poolSize) {
            return Database.open(owner.settings().as(OTHER_KIOSK_ROLE, ""), poolSize);
        }

        /** A session of this customer (opened once per customer), as a signed-in kiosk would present it. */
        public String session(long customerId) {
            return tokens.computeIfAbsent(customerId, id -> sessionFor(owner, id));
        }

        /** {@code work} on this thread as the customer's session. */
        public <T> T as(long customerId, java.util.function.Supplier<T> work) {
            return kiosk.sessions().as(session(customerId), work);
        }

        public void as(long customerId, Runnable work) {
            kiosk.sessions().as(session(customerId), work);
        }

        @Override
        public void close() {
            if (kiosk != owner) kiosk.close();
            owner.close();
        }
    }

    private static synchronized Roles kioskCopy(boolean seeded, int poolSize) {
        EmbeddedPostgres pg = server();
        if (!kioskTemplateReady) {
            exec(pg, "CREATE ROLE " + OWNER_ROLE + " LOGIN CREATEROLE");
            // tests check that no pooled connection is left in a transaction, whoever its role
            exec(pg, "GRANT pg_read_all_stats TO " + OWNER_ROLE);
            exec(pg, "CREATE ROLE " + KIOSK_ROLE + " LOGIN");
            exec(pg, "CREATE ROLE " + OTHER_KIOSK_ROLE + " LOGIN");
            exec(pg, "CREATE DATABASE " + KIOSK_TEMPLATE + " OWNER " + OWNER_ROLE);
            try (Database template = Database.open(settings(pg, KIOSK_TEMPLATE).as(OWNER_ROLE, ""), 2)) {
                template.migrate();
                KioskRoles.grant(template, KIOSK_ROLE);
                KioskRoles.grant(template, OTHER_KIOSK_ROLE);
            }
            kioskTemplateReady = true;
        }
        String template = KIOSK_TEMPLATE;
        if (seeded) {
            if (!kioskSeededTemplateReady) {
                exec(
                        pg,
                        "CREATE DATABASE " + KIOSK_SEEDED_TEMPLATE + " OWNER " + OWNER_ROLE + " TEMPLATE "
                                + KIOSK_TEMPLATE);
                try (Database t =
                        Database.open(settings(pg, KIOSK_SEEDED_TEMPLATE).as(OWNER_ROLE, ""), 2)) {
                    new Seeder(t, Clock.systemUTC()).seed(Seeder.STANDARD_CATALOG_SIZE);
                }
                kioskSeededTemplateReady = true;
            }
            template = KIOSK_SEEDED_TEMPLATE;
        }
        String name = "k_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec(pg, "CREATE DATABASE " + name + " OWNER " + OWNER_ROLE + " TEMPLATE " + template);
        Database owner = Database.open(settings(pg, name).as(OWNER_ROLE, ""), Math.max(2, poolSize / 2));
        Database kiosk = Database.open(settings(pg, name).as(KIOSK_ROLE, ""), poolSize);
        kiosk.migrate(); // a kiosk never migrates: this checks the schema and opens nothing else
        return new Roles(owner, kiosk);
    }

    /**
     * Opens a session for a customer straight in the database (as sign-in would, without the
     * bcrypt) and returns its token, for tests that act as that customer: {@code
     * db.sessions().as(token, ...)}.
     */
    public static String sessionFor(Database owner, long customerId) {
        String token = "test-" + java.util.UUID.randomUUID();
        try (Connection c = owner.dataSource().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO tbl_customer_session"
                                + " (customer_id, token, created_at, expires_at) VALUES (?, ?, now(), now() + interval '12 hours')")) {
            ps.setLong(1, customerId);
            ps.setString(2, com.shopassist.core.customer.DefaultCustomerService.digest(token));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("session for customer " + customerId + ": " + e.getMessage(), e);
        }
        return token;
    }

    /** One statement as the server's superuser (what a store's own administrator would run). */
    public static void asSuperuser(String sql) {
        exec(server(), sql);
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

package com.shopassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.CliRun;
import com.shopassist.app.CliRun.Result;
import com.shopassist.data.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store owner's commands and what a kiosk role may not run, as a store's IT runs them:
 * against a password-protected PostgreSQL, as the owner and as a kiosk login role.
 */
class StoreAdminIT {

    @TempDir
    static Path serverDir;

    static EmbeddedDatabase server;
    static final AtomicInteger DATABASES = new AtomicInteger();
    static final String KIOSK = "kiosk_cli";
    static final String KIOSK_PASSWORD = "kiosk-secret-1";

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startServer() throws SQLException {
        server = EmbeddedDatabase.start(serverDir);
        sql(server.settings().jdbcUrl(), "CREATE ROLE " + KIOSK + " LOGIN PASSWORD '" + KIOSK_PASSWORD + "'");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A new database on the server, migrated by the owner. */
    String migratedDatabase() throws SQLException {
        String name = "admin_" + DATABASES.incrementAndGet();
        sql(server.settings().jdbcUrl(), "CREATE DATABASE " + name);
        String url = server.settings().jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE_NAME, "/" + name);
        Result r = run(Map.of(), asOwner(url, "db", "migrate"));
        assertThat(r.code()).as(r.err()).isZero();
        return url;
    }

    @Test
    void grantKioskMakesALoginRoleAKioskAndRunningItAgainChangesNothing() throws SQLException {
        String url = migratedDatabase();
        // roles belong to the whole server: this test's own, so no other test has granted it
        String role = "kiosk_cli_grant";
        sql(url, "CREATE ROLE " + role + " LOGIN");

        Result first = run(Map.of(), asOwner(url, "db", "grant-kiosk", "--role", role));
        Result again = run(Map.of(), asOwner(url, "db", "grant-kiosk", "--role", role));

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("is now a kiosk role");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("already a kiosk role", "nothing changed");
        assertThat(queryLong(
                        url,
                        "select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member"
                                + " join pg_roles g on g.oid = m.roleid where r.rolname = '" + KIOSK
                                + "' and g.rolname = 'shopassist_kiosk'"))
                .isEqualTo(1);

        Result superuser = run(Map.of(), asOwner(url, "db", "grant-kiosk", "--role", "postgres"));
        assertThat(superuser.code()).isEqualTo(1);
        assertThat(superuser.err().strip()).contains("superuser").doesNotContain("\n");
        Result missing = run(Map.of(), asOwner(url, "db", "grant-kiosk", "--role", "nobody_here"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no role 'nobody_here'");
    }

    @Test
    void aKioskRoleCannotMigrateSeedGrantOrEmbedAndIsToldSoInOneLine() throws SQLException {
        String url = migratedDatabase();
        run(Map.of(), asOwner(url, "db", "grant-kiosk", "--role", KIOSK));

        for (String[] command : List.of(
                new String[] {"db", "migrate"},
                new String[] {"db", "seed"},
                new String[] {"db", "seed", "--reset"},
                new String[] {"db", "grant-kiosk", "--role", KIOSK},
                new String[] {"db", "sync-embeddings"},
                new String[] {"report"},
                new String[] {"report", "--json", "--day", "2026-11-25"})) {
            Result r = run(Map.of(), asKiosk(url, command));
            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isEqualTo(1);
            assertThat(r.err().lines()).as(String.join(" ", command)).hasSize(1);
            assertThat(r.err()).contains("needs the store owner's database role", KIOSK);
        }
        Result info = run(Map.of(), asKiosk(url, "db", "info"));
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out())
                .contains("Customers:      0") // none visible without a session
                .as("no read replica configured, none named")
                .doesNotContain("Read replica");
        // the hourly upkeep is every kiosk's: the kiosk role runs it
        Result maintain = run(Map.of(), asKiosk(url, "db", "maintain", "--json"));
        assertThat(maintain.code()).as(maintain.err()).isZero();
        assertThat(maintain.out()).contains("\"ran\":true");
    }

    @Test
    void resetRefusesADatabaseWithRealOrdersUnlessToldItDeletesStoreData() throws SQLException {
        String url = migratedDatabase();
        Result seeded = run(Map.of(), asOwner(url, "db", "seed", "--catalog-size", "300"));
        assertThat(seeded.code()).as(seeded.err()).isZero();
        // the demo seed's own orders are no reason to refuse
        Result demoOnly = run(Map.of(), asOwner(url, "db", "seed", "--reset", "--catalog-size", "300"));
        assertThat(demoOnly.code()).as(demoOnly.err()).isZero();
        // a real order, placed after the seed
        sql(
                url,
                "INSERT INTO tbl_order (order_number, customer_id, status, subtotal, total_amount, created_at)"
                        + " SELECT 'SA-REAL-1', min(customer_id), 'PENDING', 1000, 1000, now() + interval '1 minute'"
                        + " FROM tbl_customers");

        Result refused = run(Map.of(), asOwner(url, "db", "seed", "--reset"));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(refused.err()).contains("1 order no demo seed wrote", "--i-understand-this-deletes-store-data");
        assertThat(queryLong(url, "select count(*) from tbl_order where order_number = 'SA-REAL-1'"))
                .isEqualTo(1);

        Result told = run(
                Map.of(),
                asOwner(
                        url,
                        "db",
                        "seed",
                        "--reset",
                        "--catalog-size",
                        "300",
                        "--i-understand-this-deletes-store-data"));
        assertThat(told.code()).as(told.err()).isZero();
        assertThat(queryLong(url, "select count(*) from tbl_order where order_number = 'SA-REAL-1'"))
                .isZero();
    }

    @Test
    void aStoreDatabaseGetsNoDemoClerkAndAddClerkTakesThePasswordFromTheEnvironmentOnly() throws SQLException {
        String url = migratedDatabase();
        Result seeded = run(Map.of(), asOwner(url, "db", "seed", "--catalog-size", "300"));
        assertThat(seeded.code()).as(seeded.err()).isZero();
        assertThat(queryLong(url, "select count(*) from tbl_customers where role = 'CLERK'"))
                .isZero();

        Result onCommandLine = run(
                Map.of(), asOwner(url, "db", "add-clerk", "--email", "a@toko.id", "--name", "A", "--password", "x"));
        assertThat(onCommandLine.code()).isEqualTo(2);
        assertThat(onCommandLine.err()).contains("SHOPASSIST_CLERK_PASSWORD");
        Result noPassword = run(Map.of(), asOwner(url, "db", "add-clerk", "--email", "a@toko.id", "--name", "A"));
        assertThat(noPassword.code()).isEqualTo(2);
        assertThat(noPassword.err()).contains("SHOPASSIST_CLERK_PASSWORD");

        Map<String, String> env = Map.of("SHOPASSIST_CLERK_PASSWORD", "kasir-toko-7");
        Result created = run(env, asOwner(url, "db", "add-clerk", "--email", "Ani@Toko.id", "--name", "Ani"));
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created clerk ani@toko.id");
        Result updated = run(
                Map.of("SHOPASSIST_CLERK_PASSWORD", "kasir-toko-8"),
                asOwner(url, "db", "add-clerk", "--email", "ani@toko.id", "--name", "Ani Lestari"));
        assertThat(updated.out()).contains("Updated clerk ani@toko.id");
        assertThat(queryLong(url, "select count(*) from tbl_customers where role = 'CLERK'"))
                .isEqualTo(1);
        assertThat(queryLong(
                        url,
                        "select count(*) from tbl_customers where email = 'ani@toko.id'"
                                + " and password = crypt('kasir-toko-8', password) and full_name = 'Ani Lestari'"))
                .isEqualTo(1);

        Result customers = run(env, asOwner(url, "db", "add-clerk", "--email", "budi@example.com", "--name", "B"));
        assertThat(customers.code()).isEqualTo(1);
        assertThat(customers.err()).contains("is a customer's account");
        assertThat(queryLong(
                        url,
                        "select count(*) from tbl_customers where email = 'budi@example.com'"
                                + " and role = 'CUSTOMER'"))
                .isEqualTo(1);
    }

    @Test
    void syncEmbeddingsEmbedsWhatIsMissingOnceWithProgress() throws SQLException {
        String url = migratedDatabase();
        Result seeded = run(Map.of(), asOwner(url, "db", "seed", "--catalog-size", "300"));
        assertThat(seeded.code()).as(seeded.err()).isZero();
        long active = queryLong(url, "select count(*) from tbl_product where is_active");

        Result sync = run(Map.of(), asOwner(url, "db", "sync-embeddings", "--batch", "128"));

        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("100%", "every active product has its vector");
        assertThat(queryLong(url, "select count(*) from tbl_product_embedding")).isEqualTo(active);
        Result again = run(Map.of(), asOwner(url, "db", "sync-embeddings"));
        assertThat(again.out()).contains("nothing to do");
    }

    @Test
    void aKioskRoleOnASchemaBehindOrAheadOfItsBuildSaysSoInOneLineAndNeverMigrates() throws SQLException {
        String url = migratedDatabase();
        run(Map.of(), asOwner(url, "db", "grant-kiosk", "--role", KIOSK));
        String latest = String.valueOf(queryLong(url, "select max(version::int) from flyway_schema_history"));
        // as if store IT had not run db migrate for several releases: behind what this build can
        // serve (a store that only lacks the latest migrations may still be served, and says so)
        sql(url, "update flyway_schema_history set success = false where version::int > 1");

        Result behind = run(Map.of(), asKiosk(url, "db", "info"));
        assertThat(behind.code()).as(behind.out()).isEqualTo(1);
        assertThat(behind.err().lines()).hasSize(1);
        assertThat(behind.err()).contains("this app needs " + latest, "ask IT to run db migrate");
        assertThat(queryLong(
                        url, "select count(*) from flyway_schema_history where version = '" + latest + "' and success"))
                .as("a kiosk role never migrates")
                .isZero();

        // the store migrated for the next release before this kiosk was updated
        sql(url, "update flyway_schema_history set success = true");
        String next = String.valueOf(Long.parseLong(latest) + 1);
        sql(
                url,
                "insert into flyway_schema_history (installed_rank, version, description, type, script,"
                        + " checksum, installed_by, execution_time, success) select max(installed_rank) + 1, '" + next
                        + "', 'release', 'SQL', 'V" + next + "__release.sql', 0, current_user, 1, true"
                        + " from flyway_schema_history");
        Result ahead = run(Map.of(), asKiosk(url, "db", "info"));
        assertThat(ahead.code()).as(ahead.err()).isZero();
        assertThat(ahead.err().lines())
                .singleElement()
                .asString()
                .contains("at version " + next, "newer than this app (" + latest + ")");
        Result json = run(Map.of(), asKiosk(url, "db", "info", "--json"));
        assertThat(json.out().strip()).as("the notice stays out of the output").startsWith("{");
    }

    @Test
    void aRemoteDatabaseWithoutVerifiedTlsIsRefusedNamingSslmode() {
        Result r = run(Map.of(), "--db-url", "jdbc:postgresql://db.store.example:5432/shop", "db", "info");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("sslmode=verify-full", "db.allow-unverified-tls");
        Result require =
                run(Map.of(), "--db-url", "jdbc:postgresql://db.store.example/shop?sslmode=require", "db", "info");
        assertThat(require.err()).contains("sslmode=require").contains("db.allow-unverified-tls=true");
    }

    // ------------------------------------------------------------------ helpers

    String[] asOwner(String url, String... rest) {
        return withDatabase(url, server.settings().user(), server.settings().password(), rest);
    }

    String[] asKiosk(String url, String... rest) {
        return withDatabase(url, KIOSK, KIOSK_PASSWORD, rest);
    }

    private static String[] withDatabase(String url, String user, String password, String... rest) {
        List<String> a = new ArrayList<>(List.of("--db-url", url, "--db-user", user, "--db-password", password));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    Result run(Map<String, String> env, String... args) {
        return CliRun.run(dataDir, env, args);
    }

    static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        url, server.settings().user(), server.settings().password());
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long queryLong(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        url, server.settings().user(), server.settings().password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

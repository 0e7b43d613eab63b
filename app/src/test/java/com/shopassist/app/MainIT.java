package com.shopassist.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.app.CliRun.Result;
import com.shopassist.data.db.EmbeddedDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * The headless command line as a store's scripts use it: exit codes, one-line errors, JSON. The
 * "store database" here is an embedded PostgreSQL that asks for a password, like a real server.
 */
class MainIT {

    @TempDir
    static Path serverDir;

    static EmbeddedDatabase server;
    static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startServer() {
        server = EmbeddedDatabase.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A new empty database on the password-protected server. */
    static String newDatabaseUrl() throws Exception {
        String name = "cli_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(
                        server.settings().jdbcUrl(),
                        server.settings().user(),
                        server.settings().password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return server.settings().jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE_NAME, "/" + name);
    }

    Result run(Map<String, String> env, String... args) {
        return CliRun.run(dataDir, env, args);
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }

    String[] external(String url, String... rest) {
        List<String> a = new ArrayList<>(List.of(
                "--db-url",
                url,
                "--db-user",
                server.settings().user(),
                "--db-password",
                server.settings().password()));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    @Test
    void dbInfoJsonPrintsOneObjectWithSchemaVersionAndCountsButNoPassword() throws Exception {
        String url = newDatabaseUrl() + "?ApplicationName=cli-test&password="
                + server.settings().password();
        Result r = run("db", "info", "--json", "--db-url", url, "--db-user", "postgres");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("database").asText())
                .startsWith("jdbc:postgresql://localhost:")
                .contains("password=***");
        assertThat(r.out()).doesNotContain(server.settings().password());
        assertThat(json.get("schemaVersion").asText()).isNotBlank();
        for (String field : List.of("products", "categories", "brands", "vouchers", "customers", "orders")) {
            assertThat(json.get(field).isIntegralNumber()).as(field).isTrue();
        }
        assertThat(json.get("products").asLong()).isZero();
    }

    @Test
    void dbSeedFillsAnEmptyDatabaseThenRefusesUntilReset() throws Exception {
        String url = newDatabaseUrl();
        Result seeded = run(external(url, "db", "seed", "--catalog-size", "300"));
        assertThat(seeded.code()).as(seeded.err()).isZero();
        assertThat(seeded.out()).contains("300 products");

        Result again = run(external(url, "db", "seed"));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.errLines()).hasSize(1);
        assertThat(again.err()).contains("already holds data (300 products").contains("--reset");

        Result reset = run(external(url, "db", "seed", "--reset", "--catalog-size=1200"));
        assertThat(reset.code()).as(reset.err()).isZero();
        JsonNode info = new ObjectMapper()
                .readTree(run(external(url, "db", "info", "--json")).out());
        assertThat(info.get("products").asLong()).isEqualTo(1200);
        assertThat(info.get("categories").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(info.get("brands").asLong()).isGreaterThanOrEqualTo(60);
        assertThat(info.get("vouchers").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(info.get("customers").asLong()).isPositive();
        assertThat(info.get("orders").asLong()).isPositive();
    }

    static void sql(String url, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        url, server.settings().user(), server.settings().password());
                Statement st = c.createStatement()) {
            for (String s : statements) st.execute(s);
        }
    }

    @Test
    void dbMaintainRunsTheUpkeepOnceAndSaysWhatItDid() throws Exception {
        String url = newDatabaseUrl();
        assertThat(run(external(url, "db", "migrate")).code()).isZero();
        sql(
                url,
                "INSERT INTO tbl_customers (customer_id, full_name, email) VALUES (1, 'Ended', 'ended@example.com')",
                "INSERT INTO tbl_customer_session (customer_id, token, created_at, expires_at)"
                        // ended sessions are kept 30 days (V177), then the upkeep deletes them
                        + " VALUES (1, 'a', now() - interval '32 days', now() - interval '31 days')");

        Result json = run(external(url, "db", "maintain", "--json"));
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.get("ran").asBoolean()).isTrue();
        assertThat(r.get("sessionsDeleted").asInt()).isEqualTo(1);
        assertThat(r.get("chatRetentionDays").asInt()).isEqualTo(90);

        Result text = run(external(url, "db", "maintain"));
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("done in").contains("ended sessions deleted:  0");
    }

    @Test
    void dbMaintainSkipsWhileAnotherKioskHoldsTheUpkeepLock() throws Exception {
        String url = newDatabaseUrl();
        assertThat(run(external(url, "db", "migrate")).code()).isZero();
        try (Connection other = DriverManager.getConnection(
                        url, server.settings().user(), server.settings().password());
                Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + com.shopassist.data.upkeep.PgUpkeepLock.KEY + ")");

            Result r = run(external(url, "db", "maintain"));

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("skipped").contains("nothing was changed");
        }
    }

    @Test
    void reportCountsADayOfTurnsFromTheDatabaseAsTextOrJson() throws Exception {
        String url = newDatabaseUrl();
        assertThat(run(external(url, "db", "migrate")).code()).isZero();
        sql(
                url,
                "INSERT INTO aichatbot.chat_turn (chat_session_id, assistant, latency_ms, created_at) VALUES"
                        + " (gen_random_uuid(), 'offline', 40, '2026-11-25T10:00:00+07'),"
                        + " (gen_random_uuid(), 'fallback', 5, '2026-11-25T11:00:00+07')",
                "INSERT INTO tbl_search_miss (query_text, searched_at) VALUES ('sepatu roda', '2026-11-25T11:00:00+07')");

        Result json = run(external(url, "report", "--json", "--day", "2026-11-25"));
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.get("day").asText()).isEqualTo("2026-11-25");
        assertThat(r.get("assistant").get("turns").asInt()).isEqualTo(2);
        assertThat(r.get("assistant").get("fallbackRate").asDouble()).isEqualTo(0.5);
        assertThat(r.get("ai").get("costIdr").asText()).isEqualTo("0");
        assertThat(r.get("searchesWithoutResults").get(0).get("query").asText()).isEqualTo("sepatu roda");

        Result text = run(external(url, "report", "--day=2026-11-25"));
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Store report for Wednesday 25 November 2026 (Asia/Jakarta)")
                .contains("2 turns in 2 chat sessions")
                .contains("fallback rate  50.0%")
                .contains("sepatu roda");

        Result bad = run(external(url, "report", "--day", "25/11/2026"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("YYYY-MM-DD");
    }

    @Test
    void databaseSettingsComeFromTheEnvironment() throws Exception {
        String url = newDatabaseUrl();
        Result r = run(
                Map.of(
                        "SHOPASSIST_DB_URL",
                        url,
                        "SHOPASSIST_DB_USER",
                        "postgres",
                        "SHOPASSIST_DB_PASSWORD",
                        server.settings().password()),
                "db",
                "migrate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("is at schema version");
    }

    @Test
    void wrongPasswordIsOneLineAndExitCodeOne() throws Exception {
        String url = newDatabaseUrl();
        long t0 = System.nanoTime();
        Result r = run("db", "info", "--db-url", url, "--db-user", "postgres", "--db-password", "wrong");
        // at once: no retrying until a pool's initialization timeout
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_500);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: Cannot sign in").contains("wrong user name or password");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void databaseThatIsDownIsOneLineAndExitCodeOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long t0 = System.nanoTime();
        Result r = run("db", "migrate", "--db-url", "jdbc:postgresql://127.0.0.1:" + port + "/shop");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_500);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: Cannot reach the database at jdbc:postgresql://127.0.0.1:" + port);
    }

    @Test
    void wrongUrlIsOneLineAndExitCodeOne() {
        Result r = run("db", "info", "--db-url", "jdbc:mysql://localhost/shop");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("Not a PostgreSQL JDBC URL");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result r = run("db", "info", "--db-url", "jdbc:mysql://localhost/shop", "--verbose");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines().size()).isGreaterThan(3);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("frobnicate").err()).isEqualTo("error: Unknown command 'frobnicate' (try --help)\n");
        assertThat(run("db").code()).isEqualTo(2);
        assertThat(run("db", "drop").code()).isEqualTo(2);
        assertThat(run("db", "seed", "--catalog-size", "many").err()).contains("--catalog-size must be a whole number");
        assertThat(run("--config", "/nonexistent/shopassist.properties", "db", "info")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void helpPrintsTheCommands() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains(
                        "db migrate", "db seed", "db info", "db maintain", "report", "chat", "--db-url", "--data-dir");
    }

    @Test
    void chatIsRoutedWithItsArgumentsAndGlobalOptionsRemoved() {
        Result r = run("chat", "--db-url", "jdbc:postgresql://localhost:1/none");
        // whatever the chat command does, global options never reach it as its own arguments
        assertThat(r.err()).doesNotContain("Unknown command");
    }
}

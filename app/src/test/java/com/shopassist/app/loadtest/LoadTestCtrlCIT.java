package com.shopassist.app.loadtest;

import static com.shopassist.app.loadtest.LoadTestIT.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.db.Database;
import com.shopassist.data.db.EmbeddedDatabase;
import com.shopassist.data.loadtest.LoadTestStore;
import com.shopassist.data.loadtest.StoreCounts;
import com.shopassist.data.testing.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run, for real: {@code loadtest} runs in a process of its own, gets
 * SIGINT (SIGTERM where this build runs with SIGINT ignored) once its shoppers have placed an order,
 * and its shutdown hook still checks, reports and removes everything it created, stock put back;
 * on the embedded database too, whose server stops only after that clean-up.
 */
class LoadTestCtrlCIT {

    @TempDir
    Path dir;

    /**
     * Ctrl-C's signal, unless this process was started with SIGINT ignored (a build started in the
     * background by a shell without job control): the child inherits that and the JVM then leaves
     * SIGINT alone, so the test sends SIGTERM, which runs the same shutdown hook.
     */
    static String stopSignal() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).trim(), 16);
                return (ignored & (1L << (2 - 1))) != 0 ? "TERM" : "INT";
            }
        }
        return "INT";
    }

    @Test
    void ctrlCDuringARunRemovesEverythingItCreatedAndPutsTheStockBack() throws Exception {
        try (Database db = TestDatabase.freshSeeded(4)) {
            LoadTestStore store = new LoadTestStore(db, Clock.systemUTC());
            StoreCounts before = store.counts();
            long stockBefore = count(db, "select sum(stock_quantity) from tbl_product");
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            Process p = start(
                    out,
                    err,
                    "--db-url",
                    db.settings().jdbcUrl(),
                    "--db-user",
                    db.settings().user(),
                    "--data-dir",
                    dir.resolve("data").toString());
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (count(
                                        db,
                                        "select count(*) from tbl_order o join tbl_customers c using (customer_id) where"
                                                + " c.email like '%" + LoadTestStore.EMAIL_DOMAIN + "'")
                                == 0
                        && p.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(p.isAlive()).as(Files.readString(err)).isTrue();
                assertThat(count(
                                db,
                                "select count(*) from tbl_customers where email like '%" + LoadTestStore.EMAIL_DOMAIN
                                        + "'"))
                        .isPositive();

                new ProcessBuilder("kill", "-" + stopSignal(), Long.toString(p.pid()))
                        .start()
                        .waitFor();

                assertThat(p.waitFor(90, TimeUnit.SECONDS))
                        .as("the process ends")
                        .isTrue();
            } finally {
                p.destroyForcibly();
            }
            String report = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(report).contains("Interrupted", "Invariants:", "as before");
            assertThat(store.counts()).isEqualTo(before);
            assertThat(count(db, "select sum(stock_quantity) from tbl_product")).isEqualTo(stockBefore);
            assertThat(count(
                            db,
                            "select count(*) from tbl_customers where email like '%" + LoadTestStore.EMAIL_DOMAIN
                                    + "'"))
                    .isZero();
            assertThat(List.of(Files.readString(err).split("\n"))).anyMatch(l -> l.contains("turns, turn p95"));
        }
    }

    @Test
    void ctrlCOnTheEmbeddedDatabaseCleansUpBeforeTheServerStops() throws Exception {
        Path data = dir.resolve("embedded-data");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        // no --db-url: the default setup, the embedded server in the data folder (created and seeded)
        Process p = start(out, err, "--data-dir", data.toString());
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (runOrders(data) == 0 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(p.isAlive()).as(Files.readString(err)).isTrue();
            assertThat(runOrders(data)).as("the run placed an order").isPositive();

            new ProcessBuilder("kill", "-" + stopSignal(), Long.toString(p.pid()))
                    .start()
                    .waitFor();

            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the process ends").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String report = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(report).as(Files.readString(err)).contains("Interrupted", "Invariants:", "as before");
        assertThat(data.resolve("db").resolve("pgdata").resolve("postmaster.pid"))
                .as("the server was stopped, after the clean-up")
                .doesNotExist();
        try (EmbeddedDatabase server = EmbeddedDatabase.start(data.resolve("db"));
                Connection c = DriverManager.getConnection(
                        server.settings().jdbcUrl(),
                        server.settings().user(),
                        server.settings().password());
                Statement s = c.createStatement()) {
            assertThat(one(s, "select count(*) from tbl_loadtest_run")).isZero();
            assertThat(one(s, "select count(*) from tbl_loadtest_created")).isZero();
            assertThat(one(
                            s,
                            "select count(*) from tbl_customers where email like '%" + LoadTestStore.EMAIL_DOMAIN
                                    + "'"))
                    .isZero();
            assertThat(one(s, "select count(*) from tbl_cart where guest_key like 'loadtest-%'"))
                    .isZero();
        }
    }

    /** {@code loadtest} of two kiosks for ten minutes with no think time, in a process of its own. */
    private static Process start(Path out, Path err, String... options) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.shopassist.app.Main"));
        command.addAll(List.of(options));
        command.addAll(List.of("loadtest", "--kiosks", "2", "--duration", "600", "--think", "0", "--warm-up", "0"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SHOPASSIST_SEMANTIC", "off");
        pb.environment().remove("SHOPASSIST_DB_URL");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }

    /** Orders of the load test's customers in the embedded database of {@code data}; 0 before it answers. */
    private static long runOrders(Path data) {
        Path state = data.resolve("db").resolve("embedded-db.properties");
        if (!Files.exists(state)) return 0;
        try (InputStream in = Files.newInputStream(state)) {
            Properties props = new Properties();
            props.load(in);
            if (props.getProperty("database") == null) return 0;
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + props.getProperty("port") + "/"
                                    + EmbeddedDatabase.DATABASE_NAME,
                            EmbeddedDatabase.USER,
                            props.getProperty("password"));
                    Statement s = c.createStatement()) {
                return one(
                        s,
                        "select count(*) from tbl_order o join tbl_loadtest_created r on r.kind = 'CUSTOMER'"
                                + " and r.ref_id = o.customer_id");
            }
        } catch (java.io.IOException | SQLException e) {
            return 0; // starting, migrating or seeding
        }
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

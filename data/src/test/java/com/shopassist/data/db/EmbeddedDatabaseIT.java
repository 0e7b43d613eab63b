package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.common.DataUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default database: durable, password-protected, loopback only, kept across restarts. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataFolder;

    /** One cluster for the tests that only look at a running server (initdb costs seconds). */
    @TempDir
    static Path sharedFolder;

    static EmbeddedDatabase shared;

    @org.junit.jupiter.api.BeforeAll
    static void startShared() {
        shared = EmbeddedDatabase.start(sharedFolder);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopShared() {
        shared.close();
    }

    @Test
    void dataSurvivesARestartAndTheSecondStartIsFast() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataFolder)) {
            assertThat(first.created()).isTrue();
            try (Database db = Database.open(first.settings(), 2)) {
                db.migrate();
                exec(db, "insert into tbl_product_category(category_name) values ('Kept across restarts')");
            }
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataFolder)) {
            assertThat(second.created()).isFalse();
            assertThat(second.startTime().toMillis()).isLessThan(5_000);
            try (Database db = Database.open(second.settings(), 2)) {
                assertThat(db.schemaVersion()).isNotBlank();
                assertThat(queryString(db, "select string_agg(category_name, ',') from tbl_product_category"))
                        .isEqualTo("Kept across restarts");
            }
        }
    }

    @Test
    void serverIsDurableAndListensOnLoopbackOnly() throws Exception {
        try (Database db = Database.open(shared.settings(), 2)) {
            assertThat(queryString(db, "show fsync")).isEqualTo("on");
            assertThat(queryString(db, "show synchronous_commit")).isEqualTo("on");
            assertThat(queryString(db, "show full_page_writes")).isEqualTo("on");
            assertThat(queryString(db, "show listen_addresses")).isEqualTo("localhost");
            assertThat(queryString(db, "show unix_socket_directories")).isEmpty();
        }
    }

    @Test
    void connectionsNeedTheGeneratedPasswordKeptInAnOwnerOnlyFile() throws Exception {
        {
            EmbeddedDatabase pg = shared;
            Path state = sharedFolder.resolve(EmbeddedDatabase.STATE_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
                    .isEqualTo("rw-------");
            Properties p = new Properties();
            try (var in = Files.newInputStream(state)) {
                p.load(in);
            }
            assertThat(p.getProperty("password"))
                    .hasSizeGreaterThanOrEqualTo(24)
                    .isEqualTo(pg.settings().password());
            assertThat(Files.exists(sharedFolder.resolve(".initdb-pw"))).isFalse();

            String url = pg.settings().jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not-the-password"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("28P01");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (Connection c =
                    DriverManager.getConnection(url, "postgres", pg.settings().password())) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceWithOneLine() {
        DbSettings s = shared.settings();
        DbSettings wrong = new DbSettings(s.jdbcUrl(), s.user(), "not-the-password", "test");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Database.open(wrong, 2))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("wrong user name or password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // the pool alone retries for its whole initialization timeout (5 s) before giving up
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void aServerThatIsDownFailsAtOnce() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        DbSettings down = new DbSettings("jdbc:postgresql://127.0.0.1:" + port + "/shop", "postgres", "x", "test");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Database.open(down, 2))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageStartingWith("Cannot reach the database at jdbc:postgresql://127.0.0.1:" + port);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void theFirstConnectionBecomesThePoolsOwn() throws Exception {
        try (Database db = Database.open(shared.settings(), 1)) {
            // a pool of one: the connection made to check the settings is the one the pool hands out
            assertThat(queryString(db, "select count(*) from pg_stat_activity where application_name = 'ShopAssist'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void aSecondStartOnTheSameFolderIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> EmbeddedDatabase.start(sharedFolder))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("in use by another ShopAssist");
    }

    @Test
    void aControlFileThatIsNotOneIsReportedDamagedWithinSecondsAndTheFolderIsFreeAgainOnceRepaired() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataFolder)) {
            assertThat(first.created()).isTrue();
        }
        Path control =
                dataFolder.resolve(EmbeddedDatabase.PGDATA).resolve("global").resolve("pg_control");
        byte[] good = Files.readAllBytes(control);
        Files.writeString(control, "not a control file");

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedDatabase.start(dataFolder))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("stopped as it started")
                .hasMessageContaining("may be damaged")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // the postmaster wrote its pid file and died: not the watch's deadline, nor the library's minute
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(15_000);

        // the start given up holds the folder no longer: this process starts it again once repaired
        // (it was "in use by another ShopAssist" while the abandoned start waited out its minute)
        Files.write(control, good);
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataFolder)) {
            assertThat(again.created()).isFalse();
            try (Database db = Database.open(again.settings(), 2)) {
                assertThat(queryString(db, "select 41 + 1")).isEqualTo("42");
            }
        }
    }

    @Test
    void aControlFileWithABadChecksumIsReportedDamagedWithinSeconds() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataFolder)) {
            assertThat(first.created()).isTrue();
        }
        Path control =
                dataFolder.resolve(EmbeddedDatabase.PGDATA).resolve("global").resolve("pg_control");
        byte[] bytes = Files.readAllBytes(control);
        bytes[16] ^= 0x01; // full size, one bit wrong: a FATAL at start, and the pid file removed at once
        Files.write(control, bytes);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedDatabase.start(dataFolder))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("stopped as it started")
                .hasMessageContaining("may be damaged");
        // the launcher's exit shows it, not the watch's 30 s deadline
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(15_000);
    }

    @Test
    void aClusterWithoutItsControlFileIsReportedDamagedAtOnce() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataFolder)) {
            assertThat(first.created()).isTrue();
        }
        Files.delete(
                dataFolder.resolve(EmbeddedDatabase.PGDATA).resolve("global").resolve("pg_control"));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedDatabase.start(dataFolder))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("global/pg_control is missing")
                .hasMessageContaining("damaged");
        // such a postmaster exits before it writes its pid file: nothing the watch could see before its deadline
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }

    private static void exec(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryString(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

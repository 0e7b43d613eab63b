package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * A start checks the schema with one query instead of Flyway when every packaged migration is
 * applied; a database that is behind (or new) is still migrated by Flyway.
 */
class MigrationFastPathIT {

    private static int databases;

    @Test
    void theMigrationsOfThisBuildAreListedFromTheClassPath() {
        Set<String> versions = PackagedMigrations.versions();
        assertThat(versions).contains("1", "2", "10", "30", "50");
        assertThat(PackagedMigrations.normalize("1_1")).isEqualTo("1.1");
        assertThat(PackagedMigrations.normalize("2.0")).isEqualTo("2");
        assertThat(PackagedMigrations.compare("10", "9")).isPositive();
        assertThat(PackagedMigrations.compare("1.1", "1.10")).isNegative();
    }

    @Test
    void aDatabaseThatIsBehindIsMigratedByFlywayToTheLatestVersion() throws SQLException {
        String name = newDatabase();
        Flyway.configure()
                .dataSource(TestDatabase.settingsFor(name).jdbcUrl(), "postgres", "")
                .locations("classpath:db/migration")
                .target("10")
                .load()
                .migrate();
        try (Database db = Database.open(TestDatabase.settingsFor(name), 2)) {
            assertThat(db.isUpToDate()).isFalse();
            assertThat(count(db, "select count(*) from information_schema.tables where table_name = 'tbl_search_word'"))
                    .isZero();

            String version = db.migrate();

            assertThat(version).isEqualTo(latestPackaged());
            assertThat(db.isUpToDate()).isTrue();
            assertThat(count(db, "select count(*) from information_schema.tables where table_name = 'tbl_search_word'"))
                    .isEqualTo(1);
            assertThat(count(db, "select count(*) from flyway_schema_history where success"))
                    .isEqualTo(PackagedMigrations.versions().size());
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedFromZero() throws SQLException {
        try (Database db = Database.open(TestDatabase.settingsFor(newDatabase()), 2)) {
            assertThat(db.isUpToDate()).isFalse();
            assertThat(db.migrate()).isEqualTo(latestPackaged());
            assertThat(count(db, "select count(*) from tbl_product")).isZero();
        }
    }

    @Test
    void aCurrentDatabaseIsNotHandedToFlyway() throws SQLException {
        try (Database db = TestDatabase.fresh(2)) {
            // a checksum Flyway's validation would refuse: only a start that skips Flyway gets past it
            exec(db, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");

            assertThat(db.migrate()).isEqualTo(latestPackaged());
            assertThatThrownBy(db::migrateFully)
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void aFailedMigrationInTheHistoryGoesToFlywayWhichReportsIt() throws SQLException {
        try (Database db = TestDatabase.fresh(2)) {
            exec(db, "update flyway_schema_history set success = false where version = '50'");
            assertThat(db.isUpToDate()).isFalse();
            assertThatThrownBy(db::migrate).isInstanceOf(FlywayException.class);
        }
    }

    private static String latestPackaged() {
        return PackagedMigrations.versions().stream()
                .max(PackagedMigrations::compare)
                .orElseThrow();
    }

    private static synchronized String newDatabase() throws SQLException {
        String name = "fastpath_" + ProcessHandle.current().pid() + "_" + (++databases);
        try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return name;
    }

    private static void exec(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.common.ShopException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.testing.TestDatabase;
import java.math.BigInteger;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A kiosk role never migrates: it serves a schema it can serve, and refuses one it cannot, in one line. */
class KioskSchemaCheckIT {

    @Test
    void aKioskRoleRefusesASchemaOlderThanItCanServeAndSaysWhatToDo() {
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(2)) {
            String latest = PackagedMigrations.latest();
            // as if the store's IT had not run db migrate for the release this build needs at least
            new CommerceFixture(roles.owner())
                    .exec("DELETE FROM flyway_schema_history WHERE version = '" + PackagedMigrations.OLDEST_SERVABLE
                            + "'");

            try (Database kiosk = Database.open(roles.kiosk().settings(), 2)) {
                assertThatThrownBy(kiosk::migrate).isInstanceOfSatisfying(ShopException.class, e -> {
                    assertThat(e.code()).isEqualTo("SCHEMA_BEHIND");
                    assertThat(e.getMessage())
                            .doesNotContain("\n")
                            .contains(
                                    "at version " + latest + " but lacks migration "
                                            + PackagedMigrations.OLDEST_SERVABLE,
                                    "this app needs " + latest,
                                    "ask IT to run db migrate");
                });
                assertThat(kiosk.isOwnerRole()).isFalse();
            }
        }
    }

    @Test
    void aKioskRoleServesASchemaBehindTheBuildButNotBehindWhatItCanServeAndSaysSoInOneLine() {
        String latest = PackagedMigrations.latest();
        // this build's oldest servable migration may be its latest (V157: every cart reads its
        // notices), so the kiosk is asked as a build that can serve a store without the latest one
        String previous = PackagedMigrations.versions().stream()
                .filter(v -> PackagedMigrations.compare(v, latest) < 0)
                .reduce((a, b) -> PackagedMigrations.compare(a, b) >= 0 ? a : b)
                .orElseThrow();
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(2)) {
            // as if the store's IT had not run db migrate for the latest release yet
            new CommerceFixture(roles.owner())
                    .exec("DELETE FROM flyway_schema_history WHERE version = '" + latest + "'");

            try (Database kiosk = Database.open(roles.kiosk().settings(), 2)) {
                assertThat(kiosk.migrate(previous)).isEqualTo(previous);
                assertThat(kiosk.schemaNotice())
                        .hasValueSatisfying(line -> assertThat(line)
                                .doesNotContain("\n")
                                .contains(
                                        "at version " + previous,
                                        "this app needs " + latest,
                                        "ask IT to run db migrate"));
            }
        }
    }

    @Test
    void aKioskRoleServesASchemaNewerThanTheBuildAndSaysSoInOneLine() {
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(2)) {
            String latest = PackagedMigrations.latest();
            String newer =
                    new BigInteger(latest.split("\\.")[0]).add(BigInteger.ONE).toString();
            // as if the store had migrated for the next release before this kiosk was updated
            new CommerceFixture(roles.owner())
                    .exec("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                            + " checksum, installed_by, execution_time, success)"
                            + " SELECT max(installed_rank) + 1, '" + newer + "', 'next release', 'SQL', 'V" + newer
                            + "__next_release.sql', 0, current_user, 1, true FROM flyway_schema_history");

            try (Database kiosk = Database.open(roles.kiosk().settings(), 2)) {
                assertThat(kiosk.migrate()).isEqualTo(newer);
                assertThat(kiosk.schemaNotice())
                        .hasValueSatisfying(line -> assertThat(line)
                                .doesNotContain("\n")
                                .contains("at version " + newer, "newer than this app (" + latest + ")"));
            }
        }
    }

    @Test
    void aKioskRoleOnTheSchemaOfItsBuildSaysNothing() {
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(2);
                Database kiosk = Database.open(roles.kiosk().settings(), 2)) {
            assertThat(kiosk.migrate()).isEqualTo(PackagedMigrations.latest());
            assertThat(kiosk.schemaNotice()).isEmpty();
        }
    }

    @Test
    void aSchemaBehindTheBuildIsServedWhileItHasEveryMigrationUpToTheOldestServable() {
        Set<String> packaged = Set.of("1", "2", "100", "101", "102", "103");
        assertThat(PackagedMigrations.servable(Set.of("1", "2", "100", "101", "102"), packaged, "102"))
                .isTrue();
        assertThat(PackagedMigrations.servable(Set.of("1", "2", "100", "101"), packaged, "102"))
                .isFalse();
        assertThat(PackagedMigrations.servable(Set.of("1", "2", "100", "101", "102", "103", "104"), packaged, "102"))
                .as("a newer schema than the build")
                .isTrue();
    }
}

package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackagedMigrationsTest {

    @Test
    void migrationsMissingBelowTheHighestAppliedAreListedInNumericOrder() {
        Set<String> packaged = Set.of("1", "2", "9", "10", "11", "12");
        assertThat(PackagedMigrations.gapsBelow("11", Set.of("1", "11"), packaged))
                .as("10 after 9, as numbers; 12 is above the highest applied, not a gap")
                .containsExactly("2", "9", "10");
        assertThat(PackagedMigrations.gapsBelow("11", Set.of("1", "2", "9", "10", "11"), packaged))
                .isEmpty();
    }

    @Test
    void missingMigrationsAreNamedAFewAtMost() {
        assertThat(PackagedMigrations.describe(List.of("160"))).isEqualTo("migration 160");
        assertThat(PackagedMigrations.describe(List.of("158", "160"))).isEqualTo("migrations 158, 160");
        assertThat(PackagedMigrations.describe(List.of("150", "151", "152", "153", "160")))
                .isEqualTo("migrations 150, 151, 152 and 2 more");
    }
}

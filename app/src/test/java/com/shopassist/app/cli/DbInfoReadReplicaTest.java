package com.shopassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.db.ReadReplica.State;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The db info line says where catalog reads go, whatever one probe happened to find. */
class DbInfoReadReplicaTest {

    @Test
    void aReplicaFoundBehindWhileStillWithinTheAllowedLagIsSaidToServeTheReads() {
        assertThat(DbCommand.describe(State.BEHIND, true, Optional.of(Duration.ofSeconds(3))))
                .isEqualTo("behind the primary (last known fresh 3 s ago): catalog reads go to it until it is"
                        + " more than db.read-max-lag-seconds behind");
    }

    @Test
    void aReplicaTooFarBehindOrDownIsSaidToLeaveTheReadsToThePrimary() {
        assertThat(DbCommand.describe(State.BEHIND, false, Optional.of(Duration.ofSeconds(42))))
                .isEqualTo("behind the primary (last known fresh 42 s ago): catalog reads go to the primary until"
                        + " it catches up");
        assertThat(DbCommand.describe(State.BEHIND, false, Optional.empty()))
                .isEqualTo("behind the primary: catalog reads go to the primary until it catches up");
        assertThat(DbCommand.describe(State.DOWN, false, Optional.of(Duration.ofSeconds(1))))
                .isEqualTo("does not answer: catalog reads go to the primary");
        assertThat(DbCommand.describe(State.NOT_A_STANDBY, false, Optional.empty()))
                .isEqualTo("not a standby (not in recovery): never used");
    }

    @Test
    void aFreshReplicaServesTheReads() {
        assertThat(DbCommand.describe(State.FRESH, true, Optional.of(Duration.ZERO)))
                .isEqualTo("fresh: catalog reads go to it");
    }
}

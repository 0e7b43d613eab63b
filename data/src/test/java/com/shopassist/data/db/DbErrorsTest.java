package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DbErrorsTest {

    @Test
    void whatASocketFactoryThrewIsSaidInsteadOfTheDriversSomethingUnusual() {
        DbSettings s = new DbSettings("jdbc:postgresql:///shop?socketFactory=x", "kiosk", "pw", "test");
        SQLException wrapped = new SQLException(
                "Something unusual has occurred to cause the driver to fail. Please report this exception.",
                "99999", // the driver's "unexpected error"
                new RuntimeException(
                        "Unable to obtain credentials to communicate with the Cloud SQL API",
                        new IOException("Your default credentials were not found.")));
        String line = DbErrors.describe(s, new IllegalStateException("pool failed", wrapped));
        assertThat(line).doesNotContain("\n");
        assertThat(line)
                .contains("Unable to obtain credentials", "default credentials were not found")
                .doesNotContain("Something unusual");
    }

    @Test
    void aLockOrStatementTimeoutIsBusyAndSaidInOneLine() {
        DbSettings s = new DbSettings("jdbc:postgresql://db.store/shop", "kiosk", "pw", "test");
        SQLException lock = new SQLException("ERROR: canceling statement due to lock timeout\n  Where: ...", "55P03");
        SQLException slow = new SQLException("ERROR: canceling statement due to statement timeout", "57014");
        assertThat(DbErrors.isBusy(new RuntimeException(lock))).isTrue();
        assertThat(DbErrors.isBusy(slow)).isTrue();
        assertThat(DbErrors.isBusy(new SQLException("ERROR: permission denied", "42501")))
                .isFalse();
        assertThat(DbErrors.busy(lock).code()).isEqualTo("DB_BUSY");
        assertThat(DbErrors.busy(lock).getMessage()).doesNotContain("ERROR", "55P03");
        assertThat(DbErrors.describe(s, lock)).doesNotContain("\n").contains("busy", "lock timeout");
        assertThat(DbErrors.describe(s, slow)).doesNotContain("\n").contains("time limit");
    }
}

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
}

package com.shopassist.data.db;

import java.util.Objects;

/**
 * How to reach PostgreSQL. {@code source} says where the settings came from (for `db info` and
 * error messages): "command line", "environment", "config file" or "embedded".
 */
public record DbSettings(String jdbcUrl, String user, String password, String source) {
    public DbSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** The URL without a password, safe to print. */
    public String safeUrl() {
        return jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DbSettings[" + safeUrl() + ", user=" + user + ", source=" + source + "]";
    }
}

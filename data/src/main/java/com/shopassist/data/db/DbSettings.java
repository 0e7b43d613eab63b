package com.shopassist.data.db;

import java.util.Objects;

/**
 * How to reach PostgreSQL. {@code source} says where the settings came from (for `db info` and
 * error messages): "command line", "environment", "config file" or "embedded".
 * {@code allowUnverifiedTls} lets a database on another machine be reached with
 * {@code sslmode=require} (encrypted, server not checked); see {@link TransportPolicy}.
 */
public record DbSettings(String jdbcUrl, String user, String password, String source, boolean allowUnverifiedTls) {
    public DbSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public DbSettings(String jdbcUrl, String user, String password, String source) {
        this(jdbcUrl, user, password, source, false);
    }

    /** The same database as another user (the kiosk role of a test, an admin command's owner). */
    public DbSettings as(String otherUser, String otherPassword) {
        return new DbSettings(jdbcUrl, otherUser, otherPassword, source, allowUnverifiedTls);
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

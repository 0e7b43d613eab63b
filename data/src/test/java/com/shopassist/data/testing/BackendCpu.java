package com.shopassist.data.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * CPU time, for benchmarks on a machine others share: unlike milliseconds of wall clock it does
 * not grow when the process waits for a core. The database side is the sum over this database's
 * client backends (utime + stime in /proc, so a local server on Linux; -1 elsewhere).
 */
public final class BackendCpu {

    private static final double MS_PER_TICK = 10; // USER_HZ, 100 on Linux

    private BackendCpu() {}

    /** CPU milliseconds used so far by the client backends of the database behind this pool. */
    public static double databaseMillis(DataSource dataSource) {
        double ticks = 0;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND backend_type = 'client backend'")) {
            while (rs.next()) {
                Path stat = Path.of("/proc", String.valueOf(rs.getInt(1)), "stat");
                if (!Files.exists(stat)) return -1;
                // fields after the ")" that closes the command name: utime and stime are the 12th and 13th
                String[] f = Files.readString(stat).replaceFirst("^.*\\) ", "").split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            return -1;
        }
        return ticks * MS_PER_TICK;
    }

    /** CPU milliseconds used so far by the calling thread. */
    public static double threadMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
    }
}

package com.shopassist.app.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The database server's CPU as the load test reads it from /proc, on the embedded server of this machine. */
class ServerCpuIT {

    @Test
    void aBackendThatExitsKeepsTheCpuItUsedInTheServersTotal() throws Exception {
        try (Database db = TestDatabase.fresh(1)) {
            ServerCpu cpu = ServerCpu.of(db);
            assertThat(cpu.how()).startsWith("/proc of the local server");
            ServerCpu.Reading before = cpu.read();

            long pid;
            double burned;
            try (Connection c = DriverManager.getConnection(
                            db.settings().jdbcUrl(),
                            db.settings().user(),
                            db.settings().password());
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getLong(1);
                }
                s.execute("select count(*) from generate_series(1, 4000000)");
                burned = cpuSeconds(pid);
                assertThat(burned).as("the query's own CPU").isGreaterThanOrEqualTo(0.05);
            }
            // the connection's backend is gone (and reaped by the postmaster) before the second reading
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.exists(Path.of("/proc", Long.toString(pid))) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Path.of("/proc", Long.toString(pid))).doesNotExist();
            ServerCpu.Reading after = cpu.read();

            // a tick (10 ms) either way; before the fix the exited backend's CPU left the sum
            assertThat(after.serverCpuSeconds() - before.serverCpuSeconds()).isGreaterThanOrEqualTo(burned - 0.011);
        }
    }

    private static double cpuSeconds(long pid) throws Exception {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }
}

package com.shopassist.app.loadtest;

import com.shopassist.data.db.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the CPU went during a run: the database server's processes (read from /proc when the
 * server runs on this machine: its postmaster and every backend it started), the statements'
 * own time (pg_stat_statements, when the store has it), this process (the simulated kiosks) and
 * the whole machine. What cannot be read says so.
 */
final class ServerCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** Cumulative readings at one moment (NaN where not readable). */
    record Reading(
            long atNanos,
            double serverCpuSeconds,
            double statementMillis,
            double clientCpuSeconds,
            double machineBusySeconds) {}

    private final Database db;
    private final long postmaster; // 0 when the server's processes cannot be read
    private final boolean statements;
    private final String how;

    private ServerCpu(Database db, long postmaster, boolean statements, String how) {
        this.db = db;
        this.postmaster = postmaster;
        this.statements = statements;
        this.how = how;
    }

    /** Finds what can be read about the server behind {@code db}. */
    static ServerCpu of(Database db) {
        long backend = 0;
        boolean statements = false;
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_statements")) {
                statements = rs.next();
            } catch (SQLException e) {
                statements = false; // not installed, not preloaded, or not readable by this role
            }
        } catch (SQLException e) {
            return new ServerCpu(db, 0, false, "not readable (" + e.getMessage() + ")");
        }
        long postmaster = local(db) ? postmasterOf(backend) : 0;
        String how = postmaster > 0
                ? "/proc of the local server (postmaster pid " + postmaster + ")"
                : "server processes not readable (" + (local(db) ? "no such process here" : "not on this machine")
                        + ")";
        if (statements) how += "; statement time from pg_stat_statements";
        return new ServerCpu(db, postmaster, statements, how);
    }

    String how() {
        return how;
    }

    Reading read() {
        return new Reading(System.nanoTime(), serverCpu(), statementMillis(), clientCpu(), machineBusy());
    }

    /** Cores used between two readings by each part (NaN where not readable). */
    record Usage(double serverCores, double statementsCores, double clientCores, double machineCores) {
        static Usage between(Reading a, Reading b) {
            double seconds = Math.max(1e-9, (b.atNanos() - a.atNanos()) / 1e9);
            return new Usage(
                    (b.serverCpuSeconds() - a.serverCpuSeconds()) / seconds,
                    (b.statementMillis() - a.statementMillis()) / 1000.0 / seconds,
                    (b.clientCpuSeconds() - a.clientCpuSeconds()) / seconds,
                    (b.machineBusySeconds() - a.machineBusySeconds()) / seconds);
        }

        static String cores(double v) {
            return Double.isNaN(v) ? "not readable" : String.format(Locale.ROOT, "%.2f cores", v);
        }
    }

    private static boolean local(Database db) {
        String url = db.settings().jdbcUrl().toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:postgresql://localhost")
                || url.startsWith("jdbc:postgresql://127.0.0.1")
                || url.startsWith("jdbc:postgresql://[::1]")
                || url.startsWith("jdbc:postgresql:///")
                || url.matches("jdbc:postgresql:[a-z0-9_]+.*");
    }

    /** The backend's parent, when both are PostgreSQL processes of this machine. */
    private static long postmasterOf(long backend) {
        String[] stat = stat(backend);
        if (stat == null || !"postgres".equals(stat[0])) return 0;
        long parent = Long.parseLong(stat[2]);
        String[] p = stat(parent);
        return p != null && "postgres".equals(p[0]) ? parent : 0;
    }

    private double serverCpu() {
        if (postmaster <= 0) return Double.NaN;
        // the processes are read one after another: a backend reaped by the postmaster between
        // the two reads would be counted in neither (or in both when pids wrap), so a scan counts
        // only when the postmaster reaped nothing while it ran
        for (int attempt = 0; attempt < 5; attempt++) {
            long reapedBefore = reaped();
            double seconds = scan();
            if (reapedBefore >= 0 && reaped() == reapedBefore) return seconds;
        }
        return Double.NaN;
    }

    /** The CPU of the children the postmaster has reaped (cutime + cstime), -1 when unreadable. */
    private long reaped() {
        String[] s = stat(postmaster);
        return s == null ? -1 : Long.parseLong(s[14]) + Long.parseLong(s[15]);
    }

    private double scan() {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                long pid = Long.parseLong(name);
                String[] s = stat(pid);
                if (s == null) continue;
                if (pid == postmaster) {
                    // utime, stime, and cutime, cstime: the backends that have exited and been
                    // reaped (a kiosk's pool closing a connection); without them a run whose
                    // connections close reports less CPU than it used, even below zero
                    ticks += Long.parseLong(s[12])
                            + Long.parseLong(s[13])
                            + Long.parseLong(s[14])
                            + Long.parseLong(s[15]);
                } else if (Long.parseLong(s[2]) == postmaster) {
                    ticks += Long.parseLong(s[12]) + Long.parseLong(s[13]); // utime, stime
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * /proc/PID/stat from the command name on: [0] comm, [1] state, [2] ppid, ... [12] utime,
     * [13] stime, [14] cutime, [15] cstime (of waited-for children); null when the process is gone
     * or unreadable.
     */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String comm = line.substring(open + 1, close);
            String[] rest = line.substring(close + 2).trim().split(" ");
            String[] out = new String[rest.length + 1];
            out[0] = comm;
            System.arraycopy(rest, 0, out, 1, rest.length);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private double statementMillis() {
        if (!statements) return Double.NaN;
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(StatementTimes.TOTAL)) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private static double clientCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    /** Busy time of every core of the machine, from the first line of /proc/stat. */
    private static double machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i == 4 || i == 5) continue; // idle, iowait
                busy += Long.parseLong(f[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static String loadAverageLine() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "not readable";
        }
    }
}

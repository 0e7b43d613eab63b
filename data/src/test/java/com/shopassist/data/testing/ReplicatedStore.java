package com.shopassist.data.testing;

import com.shopassist.data.db.DbSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Two real PostgreSQL servers in streaming replication: a primary ({@link StoppableStore}, migrated
 * and seeded) and a hot standby made from a copy of its data folder, streaming the primary's WAL
 * through a physical replication slot, as a Cloud SQL read replica does. The embedded binaries have
 * no pg_basebackup, so the copy is a cold one: the primary is stopped cleanly, its folder copied,
 * and the copy started with {@code standby.signal} and {@code primary_conninfo} (decision 0086).
 * Each server is stopped and started by the tests; {@link #pauseReplay()} makes the standby lag.
 */
public final class ReplicatedStore implements AutoCloseable {

    static final String SLOT = "shopassist_read_replica";

    private final StoppableStore primary;
    private final StoppableStore standby;

    private ReplicatedStore(StoppableStore primary, StoppableStore standby) {
        this.primary = primary;
        this.standby = standby;
    }

    /** A primary in {@code folder}/primary seeded with {@code products} products, and its standby in {@code folder}/standby. */
    public static ReplicatedStore seeded(Path folder, int products) {
        Path primaryFolder = folder.resolve("primary");
        Path standbyFolder = folder.resolve("standby");
        StoppableStore primary = StoppableStore.seeded(primaryFolder, products, false);
        StoppableStore standby = null;
        try {
            DbSettings p = primary.directSettings();
            primary.stop();
            copy(primaryFolder, standbyFolder);
            // the standby picks a port of its own at its first start
            Path state = standbyFolder.resolve("embedded-db.properties");
            Properties props = new Properties();
            try (var in = Files.newInputStream(state)) {
                props.load(in);
            }
            props.remove("port");
            try (var out = Files.newOutputStream(state)) {
                props.store(out, null);
            }
            Path pgdata = standbyFolder.resolve("pgdata");
            Files.writeString(pgdata.resolve("standby.signal"), "");
            Files.writeString(
                    pgdata.resolve("postgresql.auto.conf"),
                    "\nprimary_conninfo = 'host=localhost port=" + port(p) + " user=" + p.user() + " password="
                            + p.password() + " application_name=read_replica'\nprimary_slot_name = '" + SLOT
                            + "'\nhot_standby = on\n",
                    StandardOpenOption.APPEND);
            primary.start();
            exec(primary.directSettings(), "select pg_create_physical_replication_slot('" + SLOT + "', true)");
            standby = StoppableStore.existing(standbyFolder);
            ReplicatedStore pair = new ReplicatedStore(primary, standby);
            pair.awaitCaughtUp(Duration.ofSeconds(30));
            return pair;
        } catch (IOException e) {
            primary.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            if (standby != null) standby.close();
            primary.close();
            throw e;
        }
    }

    public StoppableStore primary() {
        return primary;
    }

    public StoppableStore standby() {
        return standby;
    }

    /** Stops applying the primary's WAL on the standby (it still receives it): the standby lags from now on. */
    public void pauseReplay() {
        exec(standby.directSettings(), "select pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        exec(standby.directSettings(), "select pg_wal_replay_resume()");
    }

    /** Waits until the standby has replayed everything the primary has written now. */
    public void awaitCaughtUp(Duration within) {
        String position = query(primary.directSettings(), "select pg_current_wal_lsn()::text");
        Eventually.waitUntil("the standby replays up to " + position, within, () -> {
            try {
                return "t"
                        .equals(query(
                                standby.directSettings(),
                                "select pg_last_wal_replay_lsn() >= '" + position + "'::pg_lsn"));
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** One statement on the primary, as its superuser. */
    public void onPrimary(String sql) {
        exec(primary.directSettings(), sql);
    }

    /** One value from the standby, as text. */
    public String fromStandby(String sql) {
        return query(standby.directSettings(), sql);
    }

    @Override
    public void close() {
        standby.close();
        primary.close();
    }

    public static void exec(DbSettings s, String sql) {
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static String query(DbSettings s, String sql) {
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(p, target);
                }
            }
        }
        // PostgreSQL refuses a data directory others can read
        try {
            Files.setPosixFilePermissions(
                    to.resolve("pgdata"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    private static int port(DbSettings s) {
        String url = s.jdbcUrl();
        int colon = url.lastIndexOf(':');
        return Integer.parseInt(url.substring(colon + 1, url.indexOf('/', colon)));
    }
}

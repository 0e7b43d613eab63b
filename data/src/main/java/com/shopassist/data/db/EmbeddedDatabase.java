package com.shopassist.data.db;

import com.shopassist.core.common.DataUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database when a store configures none: PostgreSQL (zonky binaries) kept in
 * {@code <data folder>/pgdata} across restarts. Unlike zonky's test defaults it is durable (fsync,
 * synchronous_commit and full_page_writes on), listens on loopback only (no Unix socket), and asks
 * for a password (scram-sha-256, set by initdb itself, so there is never a moment of trust
 * authentication). The generated password and the remembered port are kept in
 * {@code <data folder>/embedded-db.properties}, readable by its owner only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE_NAME = "shopassist";
    public static final String USER = "postgres";
    static final String STATE_FILE = "embedded-db.properties";
    static final String PGDATA = "pgdata";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final DbSettings settings;
    private final boolean created;
    private final Duration startTime;
    private final ShutdownSequence.Handle onExit;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DbSettings settings, boolean created, Duration startTime) {
        this.postgres = postgres;
        this.settings = settings;
        this.created = created;
        this.startTime = startTime;
        this.onExit = ShutdownSequence.stopServer(() -> closeQuietly(postgres));
    }

    /**
     * Starts the server in {@code dataFolder} (initdb on first use) and makes sure the application
     * database exists. Fails with a {@link DataUnavailableException} whose message is one line.
     */
    public static EmbeddedDatabase start(Path dataFolder) {
        return start(dataFolder, true);
    }

    /**
     * A server for data that may be lost (the evaluation's copies of the demo store, rebuilt on
     * every run): no fsync, so creating and dropping a database takes milliseconds, not seconds.
     */
    public static EmbeddedDatabase startScratch(Path dataFolder) {
        return start(dataFolder, false);
    }

    private static EmbeddedDatabase start(Path dataFolder, boolean durable) {
        String sync = durable ? "on" : "off";
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataFolder);
            Path pgdata = dataFolder.resolve(PGDATA);
            Path stateFile = dataFolder.resolve(STATE_FILE);
            // a start of this folder that this process gave up a moment ago still holds it until stopped
            WatchedStart.awaitAbandoned(pgdata, WatchedStart.STOP_WAIT);
            boolean fresh = !exists(dataFolder);
            if (!fresh) {
                checkClusterFiles(pgdata);
                stopOrphanedServer(pgdata);
            }
            Properties state = loadOrCreateState(stateFile, fresh);
            String password = state.getProperty("password");
            int port = choosePort(Integer.parseInt(state.getProperty("port", "0")));
            if (!String.valueOf(port).equals(state.getProperty("port"))) {
                state.setProperty("port", String.valueOf(port));
                writeState(stateFile, state);
            }

            Path pwfile = null;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // not zonky's own hook, which stops the server at once on Ctrl-C: the shutdown
                    // sequence stops it after the work that still needs it (a load test's clean-up)
                    .setRegisterShutdownHook(false)
                    // zonky's defaults are for throw-away test databases; a store's data is kept durably
                    .setServerConfig("fsync", sync)
                    .setServerConfig("synchronous_commit", sync)
                    .setServerConfig("full_page_writes", sync)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    .setConnectConfig("password", password);
            if (fresh) {
                // initdb reads these as --name=value: the superuser gets its password at creation and
                // every connection must present it
                pwfile = dataFolder.resolve(".initdb-pw");
                writeOwnerOnly(pwfile, password + "\n");
                builder.setLocaleConfig("auth-host", "scram-sha-256")
                        .setLocaleConfig("auth-local", "scram-sha-256")
                        .setLocaleConfig("pwfile", pwfile.toAbsolutePath().toString());
            }
            EmbeddedPostgres pg;
            try {
                pg = WatchedStart.start(builder, pgdata);
            } finally {
                if (pwfile != null) Files.deleteIfExists(pwfile);
            }
            // the application database is looked for (one more connection) until it is known to exist
            boolean created = false;
            try {
                if (!DATABASE_NAME.equals(state.getProperty("database"))) {
                    created = ensureDatabase(pg);
                    state.setProperty("database", DATABASE_NAME);
                    writeState(stateFile, state);
                }
            } catch (IOException | SQLException | RuntimeException e) {
                closeQuietly(pg); // no hook of zonky's would stop it on exit
                throw e;
            }
            DbSettings settings = new DbSettings(
                    "jdbc:postgresql://localhost:" + port + "/" + DATABASE_NAME, USER, password, "embedded");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info(
                    "embedded PostgreSQL ready on port {} in {} ms ({})",
                    port,
                    took.toMillis(),
                    fresh ? "initdb" : "existing");
            return new EmbeddedDatabase(pg, settings, fresh || created, took);
        } catch (IllegalStateException e) {
            // another process holds the folder's lock ("could not lock"), or this JVM does (overlapping)
            if (e instanceof OverlappingFileLockException
                    || String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new DataUnavailableException(
                        "The data folder " + dataFolder + " is in use by another ShopAssist on this computer", e);
            }
            throw new DataUnavailableException(
                    "The embedded database in " + dataFolder + " did not start: " + e.getMessage(), e);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new DataUnavailableException(
                    "The embedded database in " + dataFolder + " did not start: " + firstLine(e), e);
        }
    }

    static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("stopping PostgreSQL failed: {}", e.toString());
        }
    }

    /**
     * A postmaster without its control file or version file exits before it writes its pid file,
     * which leaves nothing to watch: said at once, instead of after the watch's deadline.
     */
    private static void checkClusterFiles(Path pgdata) {
        for (String file : List.of("global/pg_control", "PG_VERSION")) {
            if (!Files.isRegularFile(pgdata.resolve(file))) {
                throw new IllegalStateException(file + " is missing; the files in " + pgdata + " are damaged");
            }
        }
    }

    /** True when {@code dataFolder} holds a cluster already (a start will not run initdb). */
    public static boolean exists(Path dataFolder) {
        return Files.exists(dataFolder.resolve(PGDATA).resolve("postgresql.conf"));
    }

    /**
     * True when a running server (of this process or another) holds {@code dataFolder}: a start
     * would fail because the folder is busy, not because anything in it is wrong.
     */
    public static boolean isInUse(Path dataFolder) {
        Path lockFile = dataFolder.resolve(PGDATA).resolve("epg-lock");
        if (!Files.exists(lockFile)) return false;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** How to connect (loopback URL, user, generated password). */
    public DbSettings settings() {
        return settings;
    }

    /** True when this start created the cluster or the application database. */
    public boolean created() {
        return created;
    }

    public Duration startTime() {
        return startTime;
    }

    /**
     * Stops the server cleanly (a fast shutdown: a checkpoint, no recovery at the next start). Not
     * called, the server stops when the JVM exits, after the work that still needs it ({@link
     * ShutdownSequence}); a JVM killed outright leaves it running, and the next start stops it.
     */
    @Override
    public void close() {
        try {
            onExit.close();
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ensureDatabase(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, DATABASE_NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return false;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE_NAME + " ENCODING 'UTF8'");
            }
            return true;
        }
    }

    private static Properties loadOrCreateState(Path stateFile, boolean fresh) throws IOException {
        Properties state = new Properties();
        if (Files.exists(stateFile)) {
            try (InputStream in = Files.newInputStream(stateFile)) {
                state.load(in);
            }
        }
        if (state.getProperty("password") == null) {
            if (!fresh) {
                throw new IllegalStateException(
                        "the password file " + stateFile + " is missing; restore it or move the data folder away");
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            state.setProperty(
                    "password", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            writeState(stateFile, state);
        }
        return state;
    }

    private static void writeState(Path stateFile, Properties state) throws IOException {
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        createOwnerOnly(tmp);
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
            state.store(out, "ShopAssist embedded PostgreSQL: generated password and port. Keep private.");
        }
        Files.move(tmp, stateFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        createOwnerOnly(file);
        Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            var f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
    }

    /** The remembered port when it is free; otherwise (first start, or taken) a free one. */
    private static int choosePort(int remembered) throws IOException {
        if (remembered > 0 && isFree(remembered)) return remembered;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        String msg = e.getMessage();
        while ((msg == null || msg.isBlank()) && root.getCause() != null) {
            root = root.getCause();
            msg = root.getMessage();
        }
        if (msg == null) return e.getClass().getSimpleName();
        return msg.lines().findFirst().orElse(msg);
    }

    /**
     * A JVM killed without its shutdown hooks leaves its postmaster running. When no other
     * process holds the data folder's lock, that postmaster is ours: stop it (SIGTERM, a smart
     * shutdown; it has no clients left) so the start below can take over the folder.
     */
    private static void stopOrphanedServer(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        Path lockFile = pgdata.resolve("epg-lock");
        if (!Files.exists(pidFile) || !Files.exists(lockFile)) return;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) return; // a live ShopAssist owns it; the start fails with a clear message
        } catch (OverlappingFileLockException e) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // unreadable: let pg_ctl judge it
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()
                || !process.get()
                        .info()
                        .command()
                        .map(c -> c.contains("postgres"))
                        .orElse(false)) {
            return; // stale pid file: pg_ctl removes it by itself
        }
        LOG.warn("stopping a PostgreSQL server left running in {} (pid {})", pgdata, pid);
        process.get().destroy();
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a PostgreSQL server left running in " + pgdata + " (pid " + pid
                    + ") did not stop; stop it and start again");
        }
    }
}

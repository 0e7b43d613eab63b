package com.shopassist.data.replica;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's own database (decision 0090): an embedded PostgreSQL in {@code <data folder>/replica},
 * migrated by the same migrations as the store database, so the catalog's mappers and search SQL
 * answer from it unchanged. It holds the replica of the catalog, and whatever else the kiosk must
 * keep on its own disk while the store database is out of reach (its tables come with the same
 * migrations: the cart outbox, decision 0096). It never holds a shopper's name, email, address or
 * orders: nothing copies customers, orders or carts to it; the outbox keeps ids only.
 *
 * <p>A folder that cannot be started, migrated or read (a half-written disk, a lost password file,
 * a failed migration) is moved aside to {@code replica.broken-<time>} and a new one is built; the
 * next refresh then copies everything. Cart changes that waited in its outbox are not sent: the
 * kiosk says so in one line at start, with their count when the outbox could still be read, and
 * writes it in the folder ({@value #DAMAGE_NOTE}). A folder that held waiting changes, or whose
 * changes could not be counted, is kept for recovery; of the others the two newest stay.
 * A folder in use by another ShopAssist on this computer is left alone. Opening never throws for
 * a broken folder unless the new one cannot be built either.
 */
public final class LocalStore implements AutoCloseable {

    public static final String FOLDER = "replica";
    static final String BROKEN_PREFIX = FOLDER + ".broken-";
    private static final int BROKEN_KEPT = 2;
    /** Written in a folder moved aside: what it held, for store IT. */
    static final String DAMAGE_NOTE = "DAMAGED-OUTBOX.txt";

    private static final int POOL_SIZE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);

    private final EmbeddedDatabase server;
    private final Database database;
    private final Damage damage;

    /**
     * A local database found damaged at start, moved aside.
     *
     * @param keptIn where its files are kept
     * @param waitingChanges the cart changes that had not reached the store, null when the outbox
     *     could not be read to count them
     * @param why the first line of what failed
     */
    public record Damage(Path keptIn, Integer waitingChanges, String why) {

        /** The one line for the clerk and store IT. */
        public String line() {
            String lost = waitingChanges == null
                    ? "cart changes that waited to reach the store (if any) could not be counted"
                    : waitingChanges + " cart change(s) that waited to reach the store were not sent";
            return "the kiosk's local database was damaged (" + why + "); " + lost + "; its files are kept in " + keptIn
                    + " for recovery, a new local database was built";
        }
    }

    private LocalStore(EmbeddedDatabase server, Database database, Damage damage) {
        this.server = server;
        this.database = database;
        this.damage = damage;
    }

    /** Failed to start, migrate or read, with the changes its outbox still had, when countable. */
    private static final class Unusable extends RuntimeException {
        final transient Integer waiting;

        Unusable(RuntimeException cause, Integer waiting) {
            super(cause.getMessage(), cause, false, false);
            this.waiting = waiting;
        }
    }

    /**
     * Starts (or creates) the local store of the kiosk whose data folder is {@code dataDir}.
     *
     * @throws DataUnavailableException when the folder is in use by another ShopAssist, or when even
     *     a new store cannot be built here (the kiosk then runs without a replica)
     */
    public static LocalStore open(Path dataDir) {
        Path folder = dataDir.resolve(FOLDER);
        if (EmbeddedDatabase.isInUse(folder)) {
            throw new DataUnavailableException(
                    "The local replica in " + folder + " is in use by another ShopAssist on this computer", null);
        }
        try {
            return start(folder, null);
        } catch (Unusable broken) {
            // (a start that failed inside the library may keep the folder's lock in this process: the check
            // above is the one that counts)
            Path aside = moveAside(folder, broken.waiting);
            Damage damage = new Damage(aside, broken.waiting, firstLine(broken.getCause()));
            LOG.error(damage.line());
            return start(folder, damage);
        }
    }

    private static LocalStore start(Path folder, Damage found) {
        EmbeddedDatabase server;
        try {
            server = EmbeddedDatabase.start(folder);
        } catch (RuntimeException e) {
            if (found != null) throw e;
            throw new Unusable(e, null);
        }
        Database db = null;
        try {
            db = Database.open(server.settings(), POOL_SIZE);
            db.migrate();
            readable(db);
            return new LocalStore(server, db, found);
        } catch (RuntimeException e) {
            Integer waiting = db == null ? null : waitingChanges(db);
            if (db != null) db.close();
            server.close();
            if (found != null) throw e;
            throw new Unusable(e, waiting);
        }
    }

    /** The cart changes still waiting in a damaged database's outbox, null when they cannot be read. */
    private static Integer waitingChanges(Database db) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from tbl_cart_outbox where done_at is null")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /** Reads what a refresh and a reader read first: a store whose files are damaged fails here. */
    private static void readable(Database db) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select count(*) from tbl_replica_sync)"
                        + " + (select count(*) from tbl_product_category) + (select count(*) from tbl_product)")) {
            rs.next();
        } catch (SQLException e) {
            throw new DataUnavailableException("The local replica cannot be read: " + firstLine(e), e);
        }
    }

    private static Path moveAside(Path folder, Integer waiting) {
        try {
            Path parent = folder.toAbsolutePath().getParent();
            Path aside = parent.resolve(
                    BROKEN_PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
            if (Files.exists(folder)) {
                Files.move(folder, aside);
                Files.writeString(
                        aside.resolve(DAMAGE_NOTE),
                        "waiting=" + (waiting == null ? "unknown" : waiting) + "\n"
                                + "Cart changes made while the store could not be reached that had not been sent when"
                                + " this local database was found damaged: they are the rows of tbl_cart_outbox with"
                                + " done_at IS NULL. Start the embedded PostgreSQL of this ShopAssist release on this folder to read them.\n");
            }
            pruneBroken(parent);
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("the broken local replica in " + folder + " could not be moved aside", e);
        }
    }

    /**
     * Keeps the newest broken copies only, so a kiosk that keeps breaking does not fill its disk;
     * never one that held waiting cart changes or whose changes could not be counted.
     */
    private static void pruneBroken(Path parent) throws IOException {
        List<Path> broken;
        try (Stream<Path> s = Files.list(parent)) {
            broken = s.filter(p -> p.getFileName().toString().startsWith(BROKEN_PREFIX))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        }
        for (Path old : broken.subList(Math.min(BROKEN_KEPT, broken.size()), broken.size())) {
            if (heldNoChanges(old)) deleteTree(old);
        }
    }

    /** True when the copy's note says no change waited in it (a copy without a note predates notes: kept). */
    private static boolean heldNoChanges(Path copy) throws IOException {
        Path note = copy.resolve(DAMAGE_NOTE);
        return Files.exists(note) && Files.readString(note).startsWith("waiting=0\n");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** When the replica in {@code local} was last refreshed, if it ever was. */
    public static Optional<Instant> replicaAsOf(Database local) {
        try (Connection c = local.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select synced_at from tbl_replica_sync where replica_sync_id = 1")) {
            return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
        } catch (SQLException e) {
            throw new ShopException("REPLICA_FAILED", "The local replica cannot be read: " + firstLine(e), e);
        }
    }

    /** The local database: the replica's tables, and any other table the migrations make. */
    public Database database() {
        return database;
    }

    /** True when the folder found at start was broken and this store is a new one. */
    public boolean rebuilt() {
        return damage != null;
    }

    /** The local database found damaged at start, if it was: what it held and where it is kept. */
    public Optional<Damage> damage() {
        return Optional.ofNullable(damage);
    }

    /** Closes the pool, then stops the server. */
    @Override
    public void close() {
        try {
            database.close();
        } finally {
            server.close();
        }
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }
}

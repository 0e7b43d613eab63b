package com.shopassist.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopassist.app.config.ConfigException;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.Seeding;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.upkeep.UpkeepReport;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.ReadReplica;
import com.shopassist.data.info.DatabaseCounts;
import com.shopassist.data.info.DbInfoMapper;
import com.shopassist.data.replica.ReplicaRefresh;
import com.shopassist.data.seed.Seeder;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code db ...}: headless database work. Everything but {@code info}, {@code sync} and
 * {@code maintain} (the upkeep every kiosk runs) is the store owner's (decision 0080): run with a
 * kiosk role, it refuses in one line (exit code 1).
 */
public final class DbCommand {
    private DbCommand() {}

    static final int MAX_CATALOG = 5_000_000;
    static final String I_UNDERSTAND = "--i-understand-this-deletes-store-data";

    public static final String USAGE = """
            db migrate                          apply pending schema migrations
            db seed [--catalog-size N] [--reset] fill the demo catalog, vouchers, customers, orders
            db info [--json]                    database, schema version and row counts
            db grant-kiosk --role NAME          make a login role a kiosk role (exactly a kiosk's rights)
            db add-clerk --email E --name N     create or update a clerk (password: SHOPASSIST_CLERK_PASSWORD)
            db sync-embeddings                  compute the semantic-search vectors the catalog lacks
            db sync [--full] [--json]           refresh this kiosk's local replica from the store database now
            db maintain [--json]                run the store's upkeep once (retention, sessions, holds)""";

    public static int run(AppWiring app, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new ConfigException(
                    "db needs a subcommand: migrate, seed, info, grant-kiosk, add-clerk, sync-embeddings, sync"
                            + " or maintain");
        }
        app.setAutoSeed(false); // the db commands do exactly what they say
        String sub = args.get(0);
        // a replica is a kiosk's: the store owner's machine running db migrate gets none
        app.setReplicaEnabled(sub.equals("sync"));
        List<String> rest = args.subList(1, args.size());
        return switch (sub) {
            case "migrate" -> migrate(app, rest, out);
            case "info" -> info(app, rest, out);
            case "seed" -> seed(app, rest, out);
            case "grant-kiosk" -> StoreAdmin.grantKiosk(app, rest, out);
            case "add-clerk" -> StoreAdmin.addClerk(app, rest, out);
            case "sync-embeddings" -> StoreAdmin.syncEmbeddings(app, rest, out);
            case "sync" -> sync(app, rest, out);
            case "maintain" -> maintain(app, rest, out);
            default ->
                throw new ConfigException("Unknown db subcommand '" + sub
                        + "': use migrate, seed, info, grant-kiosk, add-clerk, sync-embeddings, sync or maintain");
        };
    }

    private static int sync(AppWiring app, List<String> args, PrintStream out) {
        boolean json = false;
        boolean full = false;
        for (String a : args) {
            switch (a) {
                case "--json" -> json = true;
                case "--full" -> full = true;
                default -> throw new ConfigException("db sync: unknown option '" + a + "'");
            }
        }
        ReplicaRefresh.Report r = app.syncReplica(full);
        int pictures = app.warmPictures();
        if (!json) {
            out.println(r.summary() + "; " + pictures + " new pictures kept");
            return 0;
        }
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("database", app.database().settings().safeUrl());
        node.put("full", r.full());
        node.put("products", r.products());
        node.put("categories", r.categories());
        node.put("vouchers", r.vouchers());
        node.put("embeddings", r.embeddings());
        node.put("searchWords", r.words());
        node.put("liveHolds", r.liveHolds());
        node.put("removed", r.removed());
        node.put("asOf", r.asOf().toString());
        node.put("tookMs", r.took().toMillis());
        node.put("newPictures", pictures);
        out.println(node.toString());
        return 0;
    }

    private static int migrate(AppWiring app, List<String> args, PrintStream out) {
        noMoreArgs("db migrate", args);
        Database db = app.database(); // opening migrates (skipping Flyway when the history is current)
        String version = db.migrateFully(); // validates every applied migration against this build
        out.println("Database " + db.settings().safeUrl() + " is at schema version " + version);
        return 0;
    }

    private static int info(AppWiring app, List<String> args, PrintStream out) {
        boolean json = jsonFlag("db info", args);
        Database db = app.database();
        DatabaseCounts counts = db.mapper(DbInfoMapper.class).counts();
        String version = db.schemaVersion();
        Optional<ReadReplica> replica = app.repositories().readReplica();
        Optional<ReadReplica.State> replicaState = replica.map(DbCommand::probe);
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("database", db.settings().safeUrl());
            node.put("source", db.settings().source());
            node.put("schemaVersion", version);
            node.put("products", counts.products());
            node.put("categories", counts.categories());
            node.put("brands", counts.brands());
            node.put("vouchers", counts.vouchers());
            node.put("customers", counts.customers());
            node.put("orders", counts.orders());
            replica.ifPresent(r -> {
                ObjectNode reads = node.putObject("readReplica");
                reads.put("database", r.settings().safeUrl());
                reads.put("state", replicaState.orElseThrow().name());
                reads.put("catalogReadsTo", r.usable() ? "replica" : "primary");
                r.lag().ifPresent(lag -> reads.put("lagMs", lag.toMillis()));
            });
            out.println(node.toString());
        } else {
            out.println("Database:       " + db.settings().safeUrl() + " ("
                    + db.settings().source() + ")");
            out.println("Schema version: " + version);
            out.println("Products:       " + counts.products());
            out.println("Categories:     " + counts.categories());
            out.println("Brands:         " + counts.brands());
            out.println("Vouchers:       " + counts.vouchers());
            out.println("Customers:      " + counts.customers());
            out.println("Orders:         " + counts.orders());
            replica.ifPresent(r -> out.println("Read replica:   " + r.settings().safeUrl() + ", "
                    + describe(replicaState.orElseThrow(), r.usable(), r.lag())));
        }
        return 0;
    }

    /**
     * Probes the replica until it is found fresh, for 2 s at most: a busy primary moves on between
     * the two halves of one probe, so a single probe often finds a replica that keeps up "behind".
     */
    private static ReadReplica.State probe(ReadReplica r) {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        ReadReplica.State state = r.probeNow();
        while (state == ReadReplica.State.BEHIND && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            state = r.probeNow();
        }
        return state;
    }

    /**
     * What store IT needs to know of the read replica, in a few words: where the catalog reads go
     * ({@code used}: {@link ReadReplica#usable()}) and why.
     */
    static String describe(ReadReplica.State state, boolean used, Optional<Duration> lag) {
        String since =
                lag.map(l -> " (last known fresh " + l.toSeconds() + " s ago)").orElse("");
        if (used) {
            return state == ReadReplica.State.FRESH
                    ? "fresh: catalog reads go to it"
                    : "behind the primary" + since + ": catalog reads go to it until it is more than"
                            + " db.read-max-lag-seconds behind";
        }
        return switch (state) {
            case FRESH, BEHIND ->
                "behind the primary" + since + ": catalog reads go to the primary until it catches up";
            case DOWN -> "does not answer: catalog reads go to the primary";
            case NOT_A_STANDBY -> "not a standby (not in recovery): never used";
            case STARTING -> "not probed yet: catalog reads go to the primary";
        };
    }

    /** The same upkeep the kiosks run every hour, once, under the same lock (decision 0105). */
    private static int maintain(AppWiring app, List<String> args, PrintStream out) {
        boolean json = jsonFlag("db maintain", args);
        Database db = app.database();
        long retentionDays = app.intSetting("privacy.chat-retention-days", "SHOPASSIST_CHAT_RETENTION_DAYS", 90);
        UpkeepReport r = app.services().upkeep().runOnce();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("database", db.settings().safeUrl());
            node.put("ran", r.ran());
            node.put("startedAt", r.startedAt().toString());
            node.put("tookMs", r.took().toMillis());
            node.put("chatRetentionDays", retentionDays);
            node.put("chatMessagesRedacted", r.chatMessagesRedacted());
            node.put("guestChatsDeleted", r.guestChatsDeleted());
            node.put("sessionsDeleted", r.sessionsDeleted());
            node.put("holdsSwept", r.holdsSwept());
            node.put("searchMissesDeleted", r.searchMissesDeleted());
            out.println(node.toString());
        } else if (!r.ran()) {
            out.println("Upkeep of " + db.settings().safeUrl()
                    + " skipped: another kiosk is running it right now; nothing was changed.");
        } else {
            out.println("Upkeep of " + db.settings().safeUrl() + " done in "
                    + r.took().toMillis() + " ms:");
            out.printf(
                    "  chat messages redacted:  %,d (older than %d days)%n", r.chatMessagesRedacted(), retentionDays);
            out.printf("  guest chats deleted:     %,d%n", r.guestChatsDeleted());
            out.printf("  ended sessions deleted:  %,d%n", r.sessionsDeleted());
            out.printf("  expired holds swept:     %,d%n", r.holdsSwept());
            out.printf("  old missed searches:     %,d deleted%n", r.searchMissesDeleted());
        }
        return 0;
    }

    private static boolean jsonFlag(String command, List<String> args) {
        boolean json = false;
        for (String a : args) {
            if (a.equals("--json")) json = true;
            else throw new ConfigException(command + ": unknown option '" + a + "'");
        }
        return json;
    }

    private static int seed(AppWiring app, List<String> args, PrintStream out) {
        int size = Seeder.STANDARD_CATALOG_SIZE;
        boolean reset = false;
        boolean understood = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--reset")) {
                reset = true;
            } else if (a.equals(I_UNDERSTAND)) {
                understood = true;
            } else if (a.equals("--catalog-size") || a.startsWith("--catalog-size=")) {
                String value = a.contains("=")
                        ? a.substring(a.indexOf('=') + 1)
                        : (i + 1 < args.size() ? args.get(++i) : null);
                size = catalogSize(value);
            } else {
                throw new ConfigException("db seed: unknown option '" + a + "'");
            }
        }
        Database db = app.database();
        db.requireOwnerRole("db seed");
        long realOrders = reset ? db.mapper(DbInfoMapper.class).realOrders() : 0;
        if (reset && realOrders > 0 && !understood) {
            throw new ShopException(
                    "REAL_ORDERS",
                    db.settings().safeUrl() + " holds " + realOrders + " order" + (realOrders == 1 ? "" : "s")
                            + " no demo seed wrote; nothing was changed. If deleting the store's data is what you"
                            + " want, add " + I_UNDERSTAND + ".");
        }
        // the demo clerk's password is published: only the embedded demo database gets it
        Seeder seeder = new Seeder(db, app.clock(), app.isEmbedded());
        if (reset) {
            seeder.reset();
            out.println("Emptied every store table of " + db.settings().safeUrl());
        } else if (!seeder.isEmpty()) {
            DatabaseCounts c = db.mapper(DbInfoMapper.class).counts();
            throw new ShopException(
                    "ALREADY_SEEDED",
                    db.settings().safeUrl() + " already holds data (" + c.products() + " products, " + c.customers()
                            + " customers, " + c.orders()
                            + " orders); nothing was changed. 'db seed --reset' empties it and seeds again.");
        }
        Seeder.Report r = seeder.seed(size);
        out.println(Seeding.describe(db, r));
        Seeding.afterSeed(app, out);
        return 0;
    }

    private static int catalogSize(String value) {
        if (value == null) throw new ConfigException("--catalog-size needs a number");
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n < 1 || n > MAX_CATALOG) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    "--catalog-size must be a whole number from 1 to " + MAX_CATALOG + ", not '" + value + "'");
        }
    }

    private static void noMoreArgs(String command, List<String> args) {
        if (!args.isEmpty()) throw new ConfigException(command + ": unexpected argument '" + args.get(0) + "'");
    }
}

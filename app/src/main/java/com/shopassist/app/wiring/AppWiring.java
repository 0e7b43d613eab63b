package com.shopassist.app.wiring;

import com.shopassist.ai.semantic.SemanticSearch;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.app.config.AppConfig;
import com.shopassist.app.metrics.Telemetry;
import com.shopassist.app.startup.StartupTimeline;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.common.ProductImage;
import com.shopassist.app.upkeep.UpkeepSchedule;
import com.shopassist.core.catalog.SearchService;
import com.shopassist.core.chat.AiSpendService;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.gift.GiftService;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.outbox.OutboxWatch;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.catalog.ImageCache;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import com.shopassist.data.db.EmbeddedDatabase;
import com.shopassist.data.db.ReadReplica;
import com.shopassist.data.replica.LocalStore;
import com.shopassist.data.replica.ReplicaRefresh;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place ShopAssist's parts are built and put together, each once,
 * on first use, by whichever thread asks first (the window asks from a background thread, so it
 * opens before any of this is built: decision 0042). Each part is built from the ones above it:
 *
 * <pre>
 * configuration, clock, the kiosk's id
 *   telemetry               app: the meters (kiosk-tagged), pushed over OTLP when configured
 *   store database          the configured one or the embedded one; migrated; a first start seeded; measured
 *   kiosk replica           on a store database: the local copy of the catalog, the switch to it; its age measured
 *   repositories            data: the ports, their caches, the shared transactions
 *   services                core: CoreServices, the only place a Default*Service is built
 *   outbox                  core: the kiosk's cart outbox in its local database, when it has one
 *   semantic search         ai: the embedding index, loading in the background
 *   search and gifts        core: keyword search blended with meaning; gift ideas over it
 *   tool layer              ai: one ToolRegistry (every feature's tools) for both assistants, counted
 *   assistants              ai: the offline assistant; the chain (Gemini, then offline)
 * handed to: the window (uiServices), the CLI commands, the tests (over)
 * </pre>
 *
 * <p>The parts from semantic search to the assistants are built in {@link AssistantWiring}, which
 * this class hands out under its own lock.
 *
 * <p>To add a part: a field and a synchronized accessor here that builds it from the parts above
 * it (register it with {@link #closeOnExit} if it holds threads or connections), and hand it to
 * its users from here. Closing closes what was registered, newest first, then the database, then
 * the embedded server.
 */
public final class AppWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppWiring.class);

    /**
     * How long a call waits for a connection to a store database when a replica can answer instead
     * (decision 0091): an idle connection is checked within a second, a new one must sign in within two.
     */
    static final Duration SHARED_CONNECTION_WAIT = Duration.ofSeconds(2);

    /** The assistant answering a conversation: the chain, or the chain with Gemini off. */
    public enum AssistantMode {
        /** Gemini when a key is configured, then the offline assistant. */
        CHAIN,
        /** The offline layers only, still persisted (the {@code --offline} flag). */
        OFFLINE_ONLY
    }

    private final AppConfig config;
    private final Clock clock;
    private final StoreDatabase store; // null when the database was handed in
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private boolean autoSeed = true;
    private boolean replicaEnabled = true;
    private PrintStream seedReport = System.out;
    private PrintStream notices = System.err;
    private boolean closed;

    private Optional<String> kioskId; // null until resolved
    private Database database;
    private CompletableFuture<LocalStore> localOpening;
    private KioskReplica replica;
    private boolean replicaBuilt;
    private Telemetry telemetry;
    private StoreRepositories repositories;
    private CoreServices storeServices;
    private CoreServices services;
    private Database localOverride; // tests: a local database and status of their own
    private StoreStatus statusOverride;
    private Outbox outbox;
    private boolean upkeepStarted;
    private ImageCache images;
    private AssistantWiring ai;

    /** The app as configured: the database is opened (and started, and seeded) on first use. */
    public AppWiring(AppConfig config, Clock clock) {
        this(config, clock, null);
    }

    private AppWiring(AppConfig config, Clock clock, Database given) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = given == null ? new StoreDatabase(config) : null;
        this.database = given;
        this.ai = new AssistantWiring(this, this.config, this.clock);
    }

    /**
     * The same wiring over a database the caller opened, migrated and will close (the tests): default
     * settings, and semantic search off (no model to load, no embeddings to read).
     */
    public static AppWiring over(Database db, Clock clock) {
        return over(db, clock, Map.of());
    }

    /** {@link #over(Database, Clock)} with these settings, named as in the environment (tests). */
    public static AppWiring over(Database db, Clock clock, Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putIfAbsent("SHOPASSIST_SEMANTIC", "off");
        return new AppWiring(
                AppConfig.of(Map.copyOf(env), Path.of(System.getProperty("java.io.tmpdir"))),
                clock,
                Objects.requireNonNull(db, "db"));
    }

    /**
     * This wiring's settings (the Gemini key and endpoint among them) over another database the
     * caller opened and will close: the evaluation plays each task on its own copy of the demo
     * store, and the load test runs each simulated kiosk on a pool of its own
     * ({@link #openKioskPool}). Semantic search is off there (no model to load per copy).
     */
    public AppWiring overCopy(Database db) {
        return new AppWiring(config.with("SHOPASSIST_SEMANTIC", "off"), clock, Objects.requireNonNull(db, "db"));
    }

    /**
     * Another pool to this run's store database, set up as a kiosk's pool is (its connection wait
     * on a store database, decision 0091) but of {@code poolSize} connections: one simulated kiosk
     * of the load test. The caller closes it.
     */
    public Database openKioskPool(int poolSize) {
        Database store = database();
        return Database.open(store.settings(), poolSize, Database.Mappers::parse, SHARED_CONNECTION_WAIT);
    }

    public Clock clock() {
        return clock;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /**
     * A setting other parts of the app read (e.g. {@code gemini.api-key} / {@code GEMINI_API_KEY},
     * {@code kiosk.idle-seconds}): the environment variable, else the config file key, else the
     * default.
     */
    public String setting(String key, String envVar, String defaultValue) {
        return config.setting(key, envVar, defaultValue);
    }

    public int intSetting(String key, String envVar, int defaultValue) {
        return config.intSetting(key, envVar, defaultValue);
    }

    /**
     * The meters every part records into ({@link Telemetry#configured}), tagged with {@link #kioskId()}
     * ("kiosk" for a wiring with none). Made on first use, closed on exit.
     */
    public synchronized Telemetry telemetry() {
        if (telemetry == null) {
            telemetry = Telemetry.configured(config, kioskTag());
            closeOnExit(telemetry);
        }
        return telemetry;
    }

    /** True when no store database is configured and the embedded one is used. */
    public boolean isEmbedded() {
        return store != null && config.externalDatabase().isEmpty();
    }

    /** Whether {@link #database()} seeds an empty embedded database (default: yes; the db commands: no). */
    public synchronized void setAutoSeed(boolean autoSeed) {
        this.autoSeed = autoSeed;
    }

    /**
     * Where a one-line notice about the store database goes (default stderr: it must not mix with
     * a command's output, {@code db info --json} say). The log has it too.
     */
    public synchronized void setNotices(PrintStream err) {
        this.notices = Objects.requireNonNull(err, "err");
    }

    /**
     * Whether this run keeps a local replica when it is on a store database (default: yes; the db
     * commands but {@code db sync}: no, so an owner's machine running {@code db migrate} gets none).
     */
    public synchronized void setReplicaEnabled(boolean enabled) {
        this.replicaEnabled = enabled;
    }

    /** Where a first-start seed reports (default stdout; the chat command keeps stdout for replies). */
    public synchronized void setSeedReport(PrintStream out) {
        this.seedReport = Objects.requireNonNull(out, "out");
    }

    /**
     * The store database, opened and migrated on the first call (starting the embedded server when
     * no database is configured, and seeding it when it is found empty). Throws
     * {@link com.shopassist.core.common.DataUnavailableException} with a one-line message when it
     * cannot be reached; the next call tries again.
     */
    public synchronized Database database() {
        if (closed) throw new IllegalStateException("the application is closed");
        if (database != null) return database;
        // first: a metrics setting that is wrong fails before anything is opened
        MeterRegistry meters = telemetry().registry();
        boolean withReplica = replicaWanted();
        if (withReplica && localOpening == null) {
            // the kiosk's own database starts while the store's is reached
            Path dataDir = config.dataDir();
            localOpening = CompletableFuture.supplyAsync(() -> LocalStore.open(dataDir));
            localOpening.whenComplete((local, failure) -> {
                if (failure != null) LOG.warn("this kiosk runs without a local replica: {}", rootMessage(failure));
            });
        }
        Database db;
        DataUnavailableException unreachable = null;
        try {
            db = store.open(withReplica ? SHARED_CONNECTION_WAIT : Duration.ofSeconds(5));
        } catch (DataUnavailableException e) {
            // a kiosk that starts during an outage answers from the replica an earlier run left
            if (!withReplica || !DbErrors.isConnectionFailure(e) || !localReplicaAnswers()) throw e;
            LOG.warn("{}; starting on the local replica", e.getMessage());
            db = store.openUnreachable(SHARED_CONNECTION_WAIT);
            unreachable = e;
        }
        // measured from the start, also when it was opened unreachable (the kiosk then starts on its
        // replica, and the pool and statements count from when the store answers again)
        db.measure(meters);
        database = db;
        if (unreachable != null) {
            DataUnavailableException why = unreachable;
            kioskReplica().ifPresent(r -> r.startOffline(why));
            return db;
        }
        // a kiosk role never migrates: a schema behind this build that it can still serve, or one
        // ahead of it, is said once (the log has it too); one it cannot serve has already refused
        db.schemaNotice().ifPresent(line -> notices.println("Note: " + line));
        try {
            if (store.embedded().isPresent() && autoSeed) {
                Seeding.seedIfEmpty(this, seedReport);
                StartupTimeline.mark("first-start seed checked");
            }
            return db;
        } catch (RuntimeException e) {
            database = null;
            repositories = null;
            db.close();
            store.close();
            throw e;
        }
    }

    /** The embedded server, if {@link #database()} started one. */
    public synchronized Optional<EmbeddedDatabase> embeddedDatabase() {
        return store == null ? Optional.empty() : store.embedded();
    }

    /**
     * The store's repositories over {@link #database()}; on a kiosk with a replica, the reads of
     * the catalog go to it while the store database does not answer, and it starts refreshing.
     */
    public synchronized StoreRepositories repositories() {
        if (repositories == null) {
            Optional<KioskReplica> r = kioskReplica();
            ReadReplica reads = StoreReadReplica.start(config, database(), this::closeOnExit);
            if (reads != null) telemetry().watchReadReplica(reads);
            if (r.isPresent()) {
                repositories =
                        StoreRepositories.withReplica(database(), clock, r.get().storeSwitch(), reads);
                KioskReplica replica = r.get();
                replica.afterRefresh(report -> imageCache().warmInBackground(replica.imageRefs()));
                replica.startRefreshing();
            } else {
                repositories = StoreRepositories.over(database(), clock, reads);
            }
        }
        return repositories;
    }

    /** Whether the local store opened and holds a replica that was refreshed at least once. */
    private boolean localReplicaAnswers() {
        try {
            return LocalStore.replicaAsOf(localOpening.join().database()).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when this run keeps a local replica: a store database, and {@code replica.enabled} not off. */
    public boolean replicaWanted() {
        return replicaEnabled
                && store != null
                && config.externalDatabase().isPresent()
                && !"off".equalsIgnoreCase(setting("replica.enabled", "SHOPASSIST_REPLICA", "on"));
    }

    /** The kiosk's replica and its switch (decision 0091), if {@link #replicaWanted()}. */
    synchronized Optional<KioskReplica> kioskReplica() {
        if (!replicaBuilt) {
            Database shared = database();
            // a start during an outage built it (and started it local) inside database()
            if (replicaBuilt) return Optional.ofNullable(replica);
            replicaBuilt = true;
            if (localOpening != null) {
                replica = new KioskReplica(shared, localOpening, clock, KioskReplica.Settings.of(config));
                closeOnExit(replica);
                telemetry().watchReplica(replica.status(), clock);
            }
        }
        return Optional.ofNullable(replica);
    }

    /**
     * Which database answers this kiosk now: the store's, or its local replica while the store's does
     * not answer. Always shared on the embedded database (no replica).
     */
    public synchronized StoreStatus storeStatus() {
        if (statusOverride != null) return statusOverride;
        return kioskReplica().<StoreStatus>map(KioskReplica::status).orElse(StoreStatus.alwaysShared());
    }

    /**
     * The kiosk's own database (an embedded PostgreSQL in {@code <data folder>/replica}, migrated by
     * the same migrations as the store's): the replica of the catalog, and whatever else a kiosk must
     * keep on its own disk (the cart outbox, {@link #outbox()}). Empty on the embedded database, with
     * {@code replica.enabled=off}, or when it could not be opened. Never holds a shopper's name,
     * email or address.
     */
    public Optional<Database> localStore() {
        return kioskReplica().flatMap(KioskReplica::localDatabase);
    }

    /**
     * One refresh of the replica now ({@code db sync}): the changes since the last one, or with
     * {@code full} everything.
     *
     * @throws ShopException (NO_REPLICA) on the embedded database, where there is none
     */
    public ReplicaRefresh.Report syncReplica(boolean full) {
        KioskReplica r = (replicaWanted() ? kioskReplica() : Optional.<KioskReplica>empty())
                .orElseThrow(() -> new ShopException(
                        "NO_REPLICA",
                        "There is no local replica to refresh: it is kept only on a store database (db.url),"
                                + " with replica.enabled not off"));
        return r.refreshNow(full);
    }

    /**
     * Fetches the pictures of the replica's products that the picture cache does not hold yet, on
     * this thread ({@code db sync}); returns how many it added.
     */
    public int warmPictures() {
        return kioskReplica().map(r -> imageCache().warm(r.imageRefs())).orElse(0);
    }

    /**
     * This kiosk's one id ({@link AppConfig#kioskId()}: {@code kiosk.id}, else the one kept in the
     * data folder), which its log lines, meters, AI spend, stock holds (decision 0095) and replayed
     * cart changes name. A wiring over a database the caller handed in (the tests, the evaluation's
     * copies) has no data folder of its own to keep one in, and acts for no particular kiosk: the
     * configured id, else null (its holds name no kiosk, and any departure gives them back).
     */
    public synchronized String kioskId() {
        if (kioskId == null) {
            kioskId = store == null ? config.configuredKioskId() : Optional.of(config.kioskId());
        }
        return kioskId.orElse(null);
    }

    /** What meters and the spend ledger call this kiosk: its id, or "kiosk" when it has none. */
    String kioskTag() {
        return Objects.requireNonNullElse(kioskId(), "kiosk");
    }

    /**
     * A local database and a status of the caller's in place of the replica's {@link #localStore()}
     * and {@link #storeStatus()} (tests that cut the store's database by hand). Call before the
     * services are built.
     */
    public synchronized void useLocalStore(Database local, StoreStatus status) {
        if (storeServices != null) throw new IllegalStateException("the services are built already");
        this.localOverride = Objects.requireNonNull(local, "local");
        this.statusOverride = Objects.requireNonNull(status, "status");
    }

    /**
     * The core services over {@link #repositories()}, their holds taken by {@link #kioskId()}, with
     * the outbox's cart and checkout in front when the kiosk has one ({@link #outbox()}).
     */
    public synchronized CoreServices services() {
        if (services == null) {
            Optional<Outbox> queued = outbox();
            services = queued.isEmpty()
                    ? storeServices()
                    : ConfiguredServices.withOutbox(storeServices(), queued.get(), storeStatus(), clock, config);
        }
        return services;
    }

    /**
     * The kiosk's cart outbox, in the same local database as its replica ({@link #localStore()}),
     * replayed by itself when the store's database answers again. Empty for a kiosk without a local
     * store: the embedded default database needs none, and a kiosk whose local store could not be
     * opened refuses cart changes while the store's database does not answer.
     */
    public synchronized Optional<Outbox> outbox() {
        if (outbox == null) {
            Optional<Database> local = localOverride != null ? Optional.of(localOverride) : localStore();
            if (local.isEmpty()) return Optional.empty();
            OutboxSync sync =
                    OutboxSync.open(local.get(), repositories(), storeServices(), storeStatus(), clock, kioskId());
            closeOnExit(sync);
            outbox = sync.outbox();
        }
        return Optional.of(outbox);
    }

    /** How many cart changes wait in the outbox (0 without one). */
    public int outboxWaiting() {
        return outbox().map(Outbox::pendingCount).orElse(0);
    }

    /** The services over the store's database alone, without the outbox (what a replay goes through). */
    private CoreServices storeServices() {
        if (storeServices == null) storeServices = ConfiguredServices.store(repositories(), clock, config, kioskId());
        return storeServices;
    }

    /** See {@link AssistantWiring#loadSemanticAfter}. */
    public synchronized void loadSemanticAfter(CompletionStage<?> after) {
        ai.loadSemanticAfter(after);
    }

    /** See {@link AssistantWiring#semanticSearch}. */
    public synchronized SemanticSearch semanticSearch() {
        return ai.semanticSearch();
    }

    /** See {@link AssistantWiring#setRecordSearchMisses}. */
    public synchronized void setRecordSearchMisses(boolean record) {
        ai.setRecordSearchMisses(record);
    }

    /** See {@link AssistantWiring#search}. */
    public synchronized SearchService search() {
        return ai.search();
    }

    /** See {@link AssistantWiring#gifts}. */
    public synchronized GiftService gifts() {
        return ai.gifts();
    }

    /** See {@link AssistantWiring#wrapTools}. */
    public synchronized void wrapTools(UnaryOperator<ToolBox> wrapper) {
        ai.wrapTools(wrapper);
    }

    /** See {@link AssistantWiring#tools}. */
    public synchronized ToolBox tools() {
        return ai.tools();
    }

    /** See {@link AssistantWiring#offlineAssistant}. */
    public synchronized ShoppingAssistant offlineAssistant() {
        return ai.offlineAssistant();
    }

    /** See {@link AssistantWiring#assistant}. */
    public synchronized ShoppingAssistant assistant(AssistantMode mode) {
        return ai.assistant(mode);
    }

    /** See {@link AssistantWiring#aiSpend}. */
    public synchronized AiSpendService aiSpend() {
        return ai.aiSpend();
    }

    boolean semanticSearchWanted() {
        return !"off".equalsIgnoreCase(setting("assistant.semantic", "SHOPASSIST_SEMANTIC", "on"));
    }

    /**
     * Product pictures kept in {@code <data folder>/images} (decision 0092), at most
     * {@code images.cache-mb} / {@code SHOPASSIST_IMAGES_CACHE_MB} megabytes (default 1024): the
     * window shows them from there, the replica's refresh fetches the new ones.
     */
    public synchronized ImageCache imageCache() {
        if (images == null) {
            long capMb = Math.max(1, intSetting("images.cache-mb", "SHOPASSIST_IMAGES_CACHE_MB", 1024));
            images = new ImageCache(config.dataDir(), capMb << 20, Duration.ofSeconds(5), clock);
            closeOnExit(images);
        }
        return images;
    }

    /**
     * What the window calls: the services, the tool layer, this assistant, a probe of the
     * database for the status banner, and which database answers (the replica's badge).
     *
     * @param onlineAssistant whether Gemini answers (false shows the "offline" badge from the start)
     */
    public UiServices uiServices(ShoppingAssistant assistant, boolean onlineAssistant) {
        CoreServices s = services();
        ImageCache pictures = imageCache();
        ProductImage.use(ref -> {
            Optional<Path> kept = pictures.cached(ref);
            if (kept.isEmpty()) pictures.fetchLater(ref);
            return kept.map(p -> p.toUri().toString());
        });
        return new UiServices(
                s.catalog(),
                s.carts(),
                s.vouchers(),
                s.checkout(),
                s.orders(),
                s.customers(),
                s.privacy(),
                s.stock(),
                assistant,
                gifts(),
                StoreDatabase.probe(database(), storeStatus()),
                onlineAssistant,
                storeStatus(),
                outbox().map(o -> (OutboxWatch) o).orElse(OutboxWatch.none()),
                s.clerkCalls(),
                config.kioskName(),
                repositories().clerkCallFeed(),
                s.history(),
                s.reports(),
                () -> Optional.of(aiSpend().today(kioskTag())));
    }

    /**
     * Starts this kiosk's part in the store's upkeep (decision 0105): {@link UpkeepSchedule#every}
     * {@code upkeep.interval-minutes} / {@code SHOPASSIST_UPKEEP_MINUTES} (default 60; 0 never).
     * Does nothing when it is already started.
     */
    public synchronized void startUpkeep() {
        if (upkeepStarted) return;
        upkeepStarted = true;
        int minutes = intSetting("upkeep.interval-minutes", "SHOPASSIST_UPKEEP_MINUTES", 60);
        UpkeepSchedule.every(minutes, () -> services().upkeep()).ifPresent(this::closeOnExit);
    }

    /** Registers something to close when the app exits (closed in reverse order, before the database). */
    public synchronized void closeOnExit(AutoCloseable closeable) {
        closeables.push(closeable);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Closes what was registered, then the database and the embedded server if this wiring opened them. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        while (!closeables.isEmpty()) {
            AutoCloseable c = closeables.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c, e);
            }
        }
        if (store != null) {
            if (database != null) database.close();
            store.close();
        }
        if (replica == null && localOpening != null) {
            // opened for a run that never built the replica: still ours to stop
            localOpening.thenAccept(LocalStore::close);
        }
        database = null;
        repositories = null;
        replica = null;
        storeServices = null;
        services = null;
        outbox = null;
        images = null;
        ai = new AssistantWiring(this, config, clock);
    }
}

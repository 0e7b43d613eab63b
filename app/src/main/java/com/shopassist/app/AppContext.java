package com.shopassist.app;

import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.gemini.AiSettings;
import com.shopassist.ai.offline.OfflineAssistant;
import com.shopassist.ai.semantic.EmbeddingIndex;
import com.shopassist.ai.semantic.MiniLmEmbedder;
import com.shopassist.ai.semantic.SemanticSearch;
import com.shopassist.ai.tools.CoreShopTools;
import com.shopassist.ai.tools.ShopTools;
import com.shopassist.app.cli.DbCommand;
import com.shopassist.app.config.AppConfig;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.EmbeddedDatabase;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running ShopAssist holds: the resolved configuration, the clock, and the store database,
 * opened and migrated on first use. With no database configured that is the embedded PostgreSQL in
 * the data folder, which is seeded with the demo catalog the first time it is found empty (unless
 * {@link #setAutoSeed(boolean)} turned that off, as the {@code db} commands do). Closing the context
 * closes what was registered with {@link #closeOnExit(AutoCloseable)}, then the pool, then the
 * embedded server.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppConfig config;
    private final Clock clock;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private EmbeddedDatabase embedded;
    private Database database;
    private CommerceServices commerce;
    private SemanticSearch semantic;
    private boolean semanticStarted;
    private ShopTools tools;
    private final java.util.Map<Boolean, AssistantChain> assistants = new java.util.HashMap<>();
    private boolean autoSeed = true;
    private Consumer<AppContext> firstStartSeeder = ctx -> DbCommand.seedIfEmpty(ctx, System.out);
    private boolean closed;

    public AppContext(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public boolean verbose() {
        return config.verbose();
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

    /** True when no store database is configured and the embedded one is used. */
    public boolean isEmbedded() {
        return config.externalDatabase().isEmpty();
    }

    /** Whether {@link #database()} seeds an empty embedded database (default: yes). */
    public synchronized void setAutoSeed(boolean autoSeed) {
        this.autoSeed = autoSeed;
    }

    /** What seeds an empty embedded database on first start; set by the composition root. */
    public synchronized void setFirstStartSeeder(Consumer<AppContext> seeder) {
        this.firstStartSeeder = seeder;
    }

    /**
     * The store database, opened and migrated on the first call (starting the embedded server when
     * no database is configured). Throws {@link com.shopassist.core.common.DataUnavailableException}
     * with a one-line message when it cannot be reached.
     */
    public synchronized Database database() {
        if (closed) throw new IllegalStateException("the application context is closed");
        if (database != null) return database;
        // the mapper XML is parsed on another thread while PostgreSQL starts (or the first
        // connection is made): on a cold JVM both take the better part of a second
        CompletableFuture<Database.Mappers> mappers = CompletableFuture.supplyAsync(Database.Mappers::parse);
        Optional<DbSettings> external = config.externalDatabase();
        DbSettings settings;
        if (external.isPresent()) {
            settings = external.get();
        } else {
            embedded = EmbeddedDatabase.start(config.dataDir().resolve("db"));
            settings = embedded.settings();
            StartupTimeline.mark("embedded PostgreSQL started" + (embedded.created() ? " (new)" : ""));
        }
        Database db = null;
        try {
            long t0 = System.nanoTime();
            db = Database.open(
                    settings, config.intSetting("db.pool-size", "SHOPASSIST_DB_POOL_SIZE", 10), mappers::join);
            StartupTimeline.mark("pool open, mappers parsed");
            long t1 = System.nanoTime();
            String version = db.migrate();
            StartupTimeline.mark("schema at version " + version);
            LOG.info(
                    "database {} at schema version {} (pool {} ms, migrate {} ms)",
                    settings.safeUrl(),
                    version,
                    (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            database = db;
            if (embedded != null && autoSeed) {
                firstStartSeeder.accept(this);
                StartupTimeline.mark("first-start seed checked");
            }
            return db;
        } catch (RuntimeException e) {
            database = null;
            if (db != null) db.close();
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
            throw e;
        }
    }

    /**
     * The commerce services over {@link #database()}, built once. Hold time and chat retention come
     * from {@code cart.hold-minutes} / {@code SHOPASSIST_HOLD_MINUTES} (default 30) and
     * {@code privacy.chat-retention-days} / {@code SHOPASSIST_CHAT_RETENTION_DAYS} (default 90).
     */
    public synchronized CommerceServices commerce() {
        if (commerce == null) {
            CommerceSettings settings = CommerceSettings.defaults()
                    .withHoldMinutes(config.intSetting("cart.hold-minutes", "SHOPASSIST_HOLD_MINUTES", 30))
                    .withChatRetentionDays(
                            config.intSetting("privacy.chat-retention-days", "SHOPASSIST_CHAT_RETENTION_DAYS", 90));
            commerce = CommerceServices.create(database(), clock, settings);
        }
        return commerce;
    }

    /**
     * Semantic search over product embeddings, loading the model and vectors in the background (the
     * keyword path answers until it is ready). Null when {@code assistant.semantic} /
     * {@code SHOPASSIST_SEMANTIC} is "off" or the model cannot be loaded on this machine.
     */
    public synchronized SemanticSearch semanticSearch() {
        if (!semanticStarted) {
            semanticStarted = true;
            if (!"off".equalsIgnoreCase(setting("assistant.semantic", "SHOPASSIST_SEMANTIC", "on"))) {
                try {
                    MiniLmEmbedder embedder = new MiniLmEmbedder();
                    closeOnExit(embedder);
                    EmbeddingIndex index = new EmbeddingIndex(new PgProductEmbeddingRepository(database()), embedder);
                    index.startInBackground();
                    semantic = index;
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("semantic search is off: {}", e.toString());
                    semantic = null; // keyword search still answers
                }
            }
        }
        return semantic;
    }

    /** The tool layer both assistants share, over {@link #commerce()}. */
    public synchronized ShopTools tools() {
        if (tools == null) {
            CommerceServices c = commerce();
            tools = new CoreShopTools(
                    c.catalog(),
                    c.stock(),
                    c.carts(),
                    c.vouchers(),
                    c.checkout(),
                    c.orders(),
                    c.customers(),
                    semanticSearch(),
                    clock);
        }
        return tools;
    }

    /**
     * The assistant the app and the headless chat talk to: Gemini Flash, then Pro, then the offline
     * assistant, then a graceful message, persisting every turn. With {@code offlineOnly}, or with no
     * Gemini key configured ({@code GEMINI_API_KEY} / {@code gemini.api-key}), only the offline layers
     * answer, still persisted.
     */
    public synchronized ShoppingAssistant assistant(boolean offlineOnly) {
        return assistants.computeIfAbsent(offlineOnly, off -> {
            AiSettings settings = AiSettings.fromEnvironment(this::aiSetting);
            if (off) settings = settings.withoutApiKey();
            ShopTools shopTools = tools();
            return AssistantChain.create(
                    settings,
                    shopTools,
                    new MyBatisChatRepository(database()),
                    new OfflineAssistant(shopTools, semanticSearch()),
                    clock);
        });
    }

    /** Names with a dot are config file keys, the others environment variables. */
    private String aiSetting(String name) {
        return name.contains(".") ? config.setting(name, null, null) : config.setting("", name, null);
    }

    /** The embedded server, if {@link #database()} started one. */
    public synchronized Optional<EmbeddedDatabase> embeddedDatabase() {
        return Optional.ofNullable(embedded);
    }

    /** Registers something to close when the app exits (closed in reverse order, before the database). */
    public synchronized void closeOnExit(AutoCloseable closeable) {
        closeables.push(closeable);
    }

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
        if (database != null) database.close();
        if (embedded != null) embedded.close();
        database = null;
        embedded = null;
        commerce = null;
        tools = null;
        semantic = null;
        assistants.clear();
    }
}

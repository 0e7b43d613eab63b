package com.shopassist.app.wiring;

import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.gemini.AiSettings;
import com.shopassist.ai.gemini.Oversight;
import com.shopassist.ai.offline.OfflineAssistant;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.semantic.EmbeddingIndex;
import com.shopassist.ai.semantic.MiniLmEmbedder;
import com.shopassist.ai.semantic.SemanticSearch;
import com.shopassist.ai.tool.MeteredToolBox;
import com.shopassist.ai.tool.SessionProposals;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.app.config.AppConfig;
import com.shopassist.core.catalog.DefaultSearchService;
import com.shopassist.core.catalog.MissRecordingSearch;
import com.shopassist.core.catalog.SearchService;
import com.shopassist.core.chat.AiSpendService;
import com.shopassist.core.chat.DefaultAiSpendService;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.chat.TurnRecordingAssistant;
import com.shopassist.core.gift.DefaultGiftService;
import com.shopassist.core.gift.GiftService;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant layer of the composition root ({@link AppWiring}): semantic search, search and
 * gifts over the core services, the tool layer both assistants share, the assistants, and the AI
 * spend ledger. Each part is built once, on first use, from the parts {@link AppWiring} holds.
 *
 * <p>Not thread-safe by itself: every call comes through {@link AppWiring}'s synchronized
 * accessors, under its lock, as when these parts were fields of it.
 */
final class AssistantWiring {

    private static final Logger LOG = LoggerFactory.getLogger(AssistantWiring.class);

    private final AppWiring app;
    private final AppConfig config;
    private final Clock clock;
    private SemanticSearch semantic;
    private boolean semanticStarted;
    private CompletionStage<?> semanticAfter = CompletableFuture.completedFuture(null);
    private SearchService search;
    private boolean recordSearchMisses = true;
    private GiftService gifts;
    private ToolBox tools;
    private UnaryOperator<ToolBox> toolWrapper = UnaryOperator.identity();
    private OfflineAssistant offline;
    private AiSpendService aiSpend;
    private final Map<AppWiring.AssistantMode, ShoppingAssistant> assistants =
            new EnumMap<>(AppWiring.AssistantMode.class);

    AssistantWiring(AppWiring app, AppConfig config, Clock clock) {
        this.app = app;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Semantic search loads only once {@code after} completes (the desktop app: when its window is
     * up and the store answers, so the model's second of CPU does not slow the start). Call before
     * {@link #semanticSearch()}; the headless commands load it at once.
     */
    void loadSemanticAfter(CompletionStage<?> after) {
        semanticAfter = Objects.requireNonNull(after, "after");
    }

    /**
     * Semantic search over product embeddings, loading the model and vectors in the background (the
     * keyword path answers until it is ready). Null when {@code assistant.semantic} /
     * {@code SHOPASSIST_SEMANTIC} is "off" or the model cannot be loaded on this machine.
     */
    SemanticSearch semanticSearch() {
        if (!semanticStarted) {
            semanticStarted = true;
            if (app.semanticSearchWanted()) {
                try {
                    MiniLmEmbedder embedder = new MiniLmEmbedder();
                    app.closeOnExit(embedder);
                    EmbeddingIndex index = new EmbeddingIndex(app.repositories().embeddings(), embedder);
                    index.startInBackground(semanticAfter);
                    semantic = index;
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("semantic search is off: {}", e.toString());
                    semantic = null; // keyword search still answers
                }
            }
        }
        return semantic;
    }

    /**
     * Whether searches that find nothing are written down for the store report (default: yes). The
     * load test's shoppers are not the store's: their searches must not show up as catalog gaps.
     * Call it before the first {@link #search()}.
     */
    void setRecordSearchMisses(boolean record) {
        if (search != null) throw new IllegalStateException("search is built already");
        recordSearchMisses = record;
    }

    /** Product search with the any-word fallback and, when it is on, meaning-based ranking. */
    SearchService search() {
        if (search == null) {
            SearchService plain = new DefaultSearchService(app.services().catalog(), semanticSearch());
            // a search that finds nothing is written down for the store report (decision 0106)
            search = recordSearchMisses
                    ? new MissRecordingSearch(plain, app.repositories().searchMisses(), clock)
                    : plain;
        }
        return search;
    }

    /** Gift ideas, for the assistants' gift tool and the gift finder screen alike. */
    GiftService gifts() {
        if (gifts == null) gifts = new DefaultGiftService(app.services().catalog(), search());
        return gifts;
    }

    /**
     * Wraps the tool layer as it is built (the load test times every tool call); call it before
     * the first {@link #tools()}.
     */
    void wrapTools(UnaryOperator<ToolBox> wrapper) {
        if (tools != null) throw new IllegalStateException("the tool layer is built already");
        toolWrapper = Objects.requireNonNull(wrapper, "wrapper");
    }

    /** The tool layer both assistants share, over {@link AppWiring#services()}; proposals are kept with the chat sessions. */
    ToolBox tools() {
        if (tools == null) {
            CoreServices s = app.services();
            ToolBox registry = new ToolRegistry(new ShopServices(
                    s.catalog(),
                    search(),
                    gifts(),
                    s.stock(),
                    s.carts(),
                    s.vouchers(),
                    s.checkout(),
                    s.orders(),
                    s.customers(),
                    new SessionProposals(app.repositories().chats(), clock),
                    clock));
            tools = toolWrapper.apply(
                    new MeteredToolBox(registry, app.telemetry().registry()));
        }
        return tools;
    }

    /** The rule-based assistant that needs no network, over {@link #tools()}; not persisted by itself. */
    ShoppingAssistant offlineAssistant() {
        if (offline == null) offline = new OfflineAssistant(tools());
        return offline;
    }

    /**
     * The assistant the window and the headless chat talk to: Gemini Flash, then Pro, then the
     * offline assistant, then a graceful message, persisting every turn. With
     * {@link AppWiring.AssistantMode#OFFLINE_ONLY}, or with no Gemini key configured ({@code GEMINI_API_KEY} /
     * {@code gemini.api-key}), only the offline layers answer, still persisted.
     */
    ShoppingAssistant assistant(AppWiring.AssistantMode mode) {
        ShoppingAssistant built = assistants.get(mode);
        if (built == null) {
            AiSettings settings = AiSettings.fromEnvironment(this::aiSetting);
            if (mode == AppWiring.AssistantMode.OFFLINE_ONLY) settings = settings.withoutApiKey();
            // every turn counted by the layer that answered it, for the store report
            built = new TurnRecordingAssistant(
                    AssistantChain.create(
                            settings,
                            tools(),
                            app.repositories().chats(),
                            offlineAssistant(),
                            clock,
                            new Oversight(
                                    app.kioskTag(), aiSpend(), app.telemetry().registry(), app.storeStatus())),
                    app.repositories().turnLog(),
                    clock);
            assistants.put(mode, built);
        }
        return built;
    }

    /**
     * The store's AI spend ledger and daily cap (decision 0101), shared by every kiosk on the
     * store database; the budget day starts at midnight in the assistant's budget zone.
     */
    AiSpendService aiSpend() {
        if (aiSpend == null) {
            aiSpend = new DefaultAiSpendService(
                    app.repositories().spend(),
                    clock,
                    AiSettings.fromEnvironment(this::aiSetting).budgetZone());
        }
        return aiSpend;
    }

    /** Names with a dot are config file keys, the others environment variables. */
    private String aiSetting(String name) {
        return name.contains(".") ? config.setting(name, null, null) : config.setting("", name, null);
    }
}

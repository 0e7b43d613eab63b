package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.lang.LanguageDetector;
import com.shopassist.ai.lang.YesNo;
import com.shopassist.ai.offline.OfflineAssistant;
import com.shopassist.ai.tool.ProposalStore;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.Correction;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.chat.ShoppingAssistant;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant chain behind {@code com.shopassist.ai.AssistantChain}: pending confirmations,
 * budget, history, Gemini Flash and Pro (routed, each the other's fallback), the offline
 * assistant, a graceful message; then validation and persistence. Never throws to its caller.
 */
public final class ChainEngine implements ShoppingAssistant {

    private static final Logger log = LoggerFactory.getLogger(ChainEngine.class);
    static final int MAX_MESSAGE_CHARS = 2_000;
    /** The offline assistant's name on its replies and proposals. */
    private static final String OFFLINE = "offline";

    private final AiSettings settings;
    private final ToolBox tools;
    private final ProposalStore proposals;
    private final ToolRouter router;
    private final ChatRepository chats;
    private final ShoppingAssistant offline;
    private final Clock clock;
    private final ReplyValidator validator = new ReplyValidator();
    private final EarlierProducts earlier;
    private final GeminiLayer flash;
    private final GeminiLayer pro;
    private final ChatLog chatLog;
    private final SummaryWriter summaries;
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();
    private final Oversight oversight;
    private final ChainMeters meters;
    private final Budget budget;

    public ChainEngine(
            AiSettings settings, ToolBox tools, ChatRepository chats, ShoppingAssistant offline, Clock clock) {
        this(settings, tools, chats, offline, clock, Oversight.none());
    }

    public ChainEngine(
            AiSettings settings,
            ToolBox tools,
            ChatRepository chats,
            ShoppingAssistant offline,
            Clock clock,
            Oversight oversight) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.earlier = new EarlierProducts(tools);
        this.proposals = tools.proposals();
        this.router = new ToolRouter(tools.specs(), tools.routes());
        this.chats = Objects.requireNonNull(chats, "chats");
        this.offline = offline != null ? offline : new OfflineAssistant(tools);
        this.clock = clock != null ? clock : Clock.systemUTC();
        this.chatLog = new ChatLog(chats, this.clock, settings.historyMessages());
        Summarizer summarizer;
        if (settings.geminiEnabled()) {
            String prompt = Prompts.load("system.txt");
            var flashChat = GeminiModels.chat(settings, settings.flashModel());
            this.flash = new GeminiLayer(
                    "gemini-flash",
                    settings.flashModel(),
                    flashChat,
                    GeminiModels.streaming(settings, settings.flashModel()),
                    settings,
                    tools,
                    prompt);
            this.pro = new GeminiLayer(
                    "gemini-pro",
                    settings.proModel(),
                    GeminiModels.chat(settings, settings.proModel()),
                    GeminiModels.streaming(settings, settings.proModel()),
                    settings,
                    tools,
                    prompt);
            summarizer = new Summarizer(flashChat, settings.flashModel(), settings);
        } else {
            this.flash = null;
            this.pro = null;
            summarizer = new Summarizer(null, null, settings);
        }
        Oversight o = oversight == null ? Oversight.none() : oversight;
        this.oversight = o;
        this.meters = new ChainMeters(o.meters());
        this.budget = new Budget(
                settings,
                (ctx, since) -> chats.tokensUsedSince(
                        ctx.customerId(),
                        ctx.owner() == null ? null : ctx.owner().guestKey(),
                        since),
                o,
                this.clock,
                meters);
        this.summaries = new SummaryWriter(summarizer, chats, settings.historyMessages(), u -> budget.spent(null, u));
        log.info("assistant chain: {}", settings);
    }

    /** Waits until the summaries folded after the replies so far are written (tests, benchmarks). */
    public boolean awaitBackgroundWork(Duration timeout) {
        return summaries.awaitIdle(timeout);
    }

    public boolean geminiEnabled() {
        return flash != null;
    }

    @Override
    public AssistantReply reply(ChatContext ctx, String message) {
        return reply(ctx, message, null);
    }

    @Override
    public AssistantReply reply(ChatContext ctx, String message, Consumer<String> onToken) {
        long t0 = System.nanoTime();
        TurnLog.begin(ctx);
        AssistantReply r = null;
        try {
            r = answer(ctx, message, onToken);
            return r;
        } finally {
            long nanos = System.nanoTime() - t0;
            String layer = r == null ? "fallback" : r.assistant();
            // which database answered, read after the turn as chat --json reads it
            String store = oversight.source();
            meters.turn(layer, store, nanos);
            if (r != null) meters.corrected(r.corrections());
            TurnLog.end(
                    layer, store, nanos, r == null ? List.of() : r.tools(), r == null ? List.of() : r.corrections());
        }
    }

    private AssistantReply answer(ChatContext ctx, String message, Consumer<String> onToken) {
        Lang lang = Lang.EN;
        try {
            lang = LanguageDetector.detect(message, Lang.of(ctx == null ? null : ctx.uiLocale()));
            Objects.requireNonNull(ctx, "ctx");
            synchronized (locks.computeIfAbsent(ctx.chatSessionId(), k -> new Object())) {
                return turn(ctx, message, lang, onToken);
            }
        } catch (Throwable t) {
            // the class only: an exception's message may quote what the shopper typed
            log.error(
                    "assistant chain failed; answering gracefully: {}",
                    t.getClass().getName());
            AssistantReply r = graceful(lang);
            emit(onToken, r.text(), null);
            return r;
        }
    }

    @Override
    public AssistantReply confirm(ChatContext ctx, String actionId, boolean accept) {
        Lang lang = Lang.of(ctx == null ? null : ctx.uiLocale());
        try {
            synchronized (locks.computeIfAbsent(ctx.chatSessionId(), k -> new Object())) {
                PendingProposal p = proposals.pending(ctx).orElse(null);
                if (p == null || !p.action().id().equals(actionId)) {
                    return simple(Texts.expired(lang), lang, "offline");
                }
                ChatLog.Session session = chatLog.open(ctx);
                if (!session.ownedBy(ctx)) return simple(Texts.otherAccount(lang), lang, "fallback");
                boolean stored = session.stored();
                return settle(ctx, p, accept, accept ? lang.pick("yes", "ya") : lang.pick("no", "tidak"), lang, stored);
            }
        } catch (Throwable t) {
            log.error("confirmation failed; answering gracefully", t);
            return graceful(lang);
        }
    }

    @Override
    public void forget(ChatContext ctx) {
        if (ctx == null) return;
        proposals.drop(ctx);
        locks.remove(ctx.chatSessionId());
        try {
            offline.forget(ctx);
        } catch (RuntimeException e) {
            log.warn("offline assistant could not forget the session: {}", e.toString());
        }
    }

    /** The signed-in customer's conversations, newest first (none for a guest). */
    public List<ChatSessionInfo> sessions(ChatContext ctx, int limit) {
        if (ctx == null || ctx.customerId() == null) return List.of();
        return chats.sessionsOfCustomer(ctx.customerId(), limit);
    }

    /** The visible messages (shopper and assistant) of a session the caller owns, else empty. */
    public List<ChatMessage> transcript(ChatContext ctx, UUID sessionId) {
        Optional<ChatSessionInfo> s = chats.session(sessionId);
        if (s.isEmpty() || !ChatLog.ownedBy(s.get(), ctx)) return List.of();
        return chats.messages(sessionId).stream()
                .filter(m -> "user".equals(m.role()) || "model".equals(m.role()))
                .toList();
    }

    /** Deletes a session the caller owns; false when it is not theirs or does not exist. */
    public boolean deleteSession(ChatContext ctx, UUID sessionId) {
        Optional<ChatSessionInfo> s = chats.session(sessionId);
        if (s.isEmpty() || !ChatLog.ownedBy(s.get(), ctx)) return false;
        chats.deleteSession(sessionId);
        proposals.drop(sessionId);
        return true;
    }

    // ------------------------------------------------------------------ the turn

    private AssistantReply turn(ChatContext ctx, String rawMessage, Lang lang, Consumer<String> onToken) {
        // NUL and other control characters cannot be stored (PostgreSQL text) and mean nothing to a model
        String message = rawMessage == null
                ? ""
                : rawMessage.replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ").strip();
        if (message.isEmpty()) {
            AssistantReply r = simple(Texts.empty(lang), lang, geminiEnabled() ? "gemini-flash" : "offline");
            emit(onToken, r.text(), null);
            return r;
        }
        if (message.length() > MAX_MESSAGE_CHARS) message = message.substring(0, MAX_MESSAGE_CHARS);
        ChatLog.Session session = chatLog.open(ctx);
        boolean stored = session.stored();
        if (!session.ownedBy(ctx)) {
            AssistantReply r = simple(Texts.otherAccount(lang), lang, "fallback");
            emit(onToken, r.text(), null);
            return r;
        }

        PendingProposal p = proposals.pending(ctx).orElse(null);
        YesNo.Answer answer = p == null ? null : YesNo.of(message);
        if (answer != null) {
            AssistantReply r = settle(ctx, p, answer == YesNo.Answer.YES, message, lang, stored);
            emit(onToken, r.text(), null);
            return r;
        }

        AssistantReply reply = null;
        GeminiLayer.Outcome outcome = null;
        History history = stored ? chatLog.history(ctx.chatSessionId()) : History.EMPTY;
        boolean useGemini = geminiEnabled();
        if (useGemini) {
            Budget.Verdict verdict = budget.check(ctx);
            AssistantReply refusal = refusal(verdict, lang);
            if (verdict == Budget.Verdict.OFFLINE) {
                useGemini = false;
            } else if (refusal != null) {
                if (p != null) proposals.drop(ctx);
                if (stored) chatLog.persistPlain(ctx, message, refusal.text(), session.untitled());
                emit(onToken, refusal.text(), null);
                return refusal;
            }
        }
        AtomicBoolean tokenShown = new AtomicBoolean(false);
        Turn turn = null;
        if (useGemini) {
            boolean proFirst = ModelRouter.preferPro(message, session.turnNumber(), settings.proAfterTurns());
            List<String> toolNames = router.select(message, history.lastTurnTools());
            turn = new Turn(ctx, message, lang, history, toolNames, ToolRouter.singleStep(message));
            CheckedStream stream = null;
            for (GeminiLayer layer : proFirst ? List.of(pro, flash) : List.of(flash, pro)) {
                // each model's answer is checked on its own: what a failed one sent was never shown
                stream = onToken == null ? null : checkedStream(turn, turn::currentResults, onToken, tokenShown);
                try {
                    outcome = layer.run(turn, stream, tokenShown);
                    break;
                } catch (GeminiLayer.Failure f) {
                    log.warn("{} failed, next layer: {}", layer.label, f.getMessage());
                    if (tokenShown.get()) break; // cannot happen: a layer that showed text returns an outcome
                }
            }
            if (outcome != null) {
                budget.spent(ctx, outcome.totalUsage());
                reply = fromGemini(turn, outcome, stream);
                // a turn ended by a cart write streamed nothing: its composed text is the one piece
                emit(onToken, reply.text(), tokenShown);
            }
        }
        if (reply == null && turn != null && !turn.successfulWrites().isEmpty()) {
            reply = fromWritesMade(turn);
            emit(onToken, reply.text(), tokenShown);
        }
        if (reply == null) {
            reply = fromOffline(ctx, message, lang);
            emit(onToken, reply.text(), tokenShown);
        }
        // any other message ends the proposal, so a later "yes" to another question cannot trigger
        // it; when the offline assistant answered it has decided already (a "thanks" keeps it)
        if (p != null && !OFFLINE.equals(reply.assistant())) proposals.drop(ctx);
        if (reply.action() != null) proposals.keep(ctx, reply.action(), reply.assistant());
        if (stored) {
            List<ChatMessage> added = chatLog.persist(ctx, message, reply, outcome, session.untitled());
            // the model summarises only after it answered: when it just failed a summary call would
            // likely fail too (after a timeout), and an over-budget turn should not spend tokens
            summaries.fold(ctx.chatSessionId(), history, added, outcome != null);
        }
        return reply;
    }

    private CheckedStream checkedStream(
            Turn turn, Supplier<List<ToolResult>> results, Consumer<String> onToken, AtomicBoolean shown) {
        ReplyCheck check = validator.start(results, done -> earlier.reread(turn, done), turn.message, turn.lang);
        return new CheckedStream(check, onToken, shown);
    }

    private AssistantReply fromGemini(Turn turn, GeminiLayer.Outcome o, CheckedStream stream) {
        List<ToolResult> results =
                o.executed().stream().map(Turn.Executed::result).toList();
        List<String> toolNames = o.executed().stream().map(Turn.Executed::name).toList();
        Cart cart = null;
        ProposedAction action = null;
        for (ToolResult r : results) {
            if (r.cart() != null) cart = r.cart();
            if (r.proposal() != null) action = r.proposal();
        }
        String text;
        List<ProductCard> cards;
        List<Correction> corrections = List.of();
        if (o.immediate()) {
            text = Texts.immediate(results, turn.lang);
            cards = List.of();
        } else {
            CheckedStream s = stream != null ? stream : checkedStream(turn, () -> results, null, null);
            ReplyValidator.Checked c = s.complete(o.text(), o.interrupted());
            corrections = c.corrections();
            // how many and of which kind, never the sentences: they can hold what the shopper typed
            if (!corrections.isEmpty())
                log.info("validator changed the answer: {}", ReplyValidator.describe(corrections));
            text = c.text();
            cards = c.cards();
            if (text.isBlank()) text = listing(results, turn.lang);
            if (cards.isEmpty()) cards = searchCards(results);
            if (o.interrupted()) text = text + Texts.interrupted(turn.lang);
        }
        return new AssistantReply(
                text,
                turn.lang.code(),
                cards,
                cart,
                action,
                toolNames,
                o.label(),
                suggestions(turn.lang, toolNames, action),
                corrections);
    }

    /**
     * Both models failed after one of them changed the cart: say what was done, from the results,
     * and that the rest of the ask did not get an answer. The offline assistant is not asked, since
     * it would read the same words and make the same change again.
     */
    private AssistantReply fromWritesMade(Turn turn) {
        List<ToolResult> writes = turn.successfulWrites();
        Cart cart = null;
        for (ToolResult r : writes) if (r.cart() != null) cart = r.cart();
        List<String> toolNames =
                writes.stream().map(ToolResult::tool).distinct().toList();
        String text = Texts.immediate(writes, turn.lang) + Texts.interrupted(turn.lang);
        return new AssistantReply(
                text,
                turn.lang.code(),
                List.of(),
                cart,
                null,
                toolNames,
                "fallback",
                suggestions(turn.lang, toolNames, null));
    }

    private AssistantReply fromOffline(ChatContext ctx, String message, Lang lang) {
        AssistantReply r = null;
        try {
            r = offline.reply(ctx, message);
        } catch (RuntimeException e) {
            log.warn("offline assistant failed: {}", e.toString());
        }
        if (r == null || r.text() == null || r.text().isBlank()) return graceful(lang);
        return r;
    }

    private AssistantReply settle(
            ChatContext ctx, PendingProposal p, boolean accept, String message, Lang lang, boolean stored) {
        AssistantReply r = null;
        if (OFFLINE.equals(p.assistant())) {
            // the offline assistant proposed it and keeps its own state and wording for the answer
            try {
                r = offline.confirm(ctx, p.action().id(), accept);
            } catch (RuntimeException e) {
                log.warn("offline assistant could not settle its proposal: {}", e.toString());
            }
        }
        if (r != null && r.text() != null && !r.text().isBlank()) {
            log.debug("proposal {} settled by the offline assistant", p.action().id());
        } else if (accept) {
            ToolResult result;
            try {
                result = tools.carryOut(ctx, p.action());
            } catch (RuntimeException e) {
                log.warn("confirmed action failed: {}", e.toString());
                result = new ToolResult(
                        p.action().kind().name().toLowerCase(), false, "", List.of(), null, null, "FAILED");
            }
            if (result == null) result = new ToolResult("execute", false, "", List.of(), null, null, "FAILED");
            ProposedAction again = result.ok() ? null : result.proposal();
            if (again != null) proposals.keep(ctx, again, p.assistant());
            r = new AssistantReply(
                    Texts.executed(p.action(), result, lang),
                    lang.code(),
                    result.products().stream().map(ProductCard::of).toList(),
                    result.cart(),
                    again,
                    List.of(toolName(p.action())),
                    p.assistant(),
                    again == null ? List.of() : suggestions(lang, List.of(), again));
        } else {
            proposals.drop(ctx);
            r = new AssistantReply(
                    Texts.declined(lang), lang.code(), List.of(), null, null, List.of(), p.assistant(), List.of());
        }
        if (stored) chatLog.persistPlain(ctx, message, r.text(), false);
        return r;
    }

    private static String toolName(ProposedAction a) {
        return switch (a.kind()) {
            case CHECKOUT -> "checkout";
            case APPLY_VOUCHER -> "apply_voucher";
            case CLEAR_CART -> "clear_cart";
        };
    }

    // ------------------------------------------------------------------ budget

    /** The answer to a turn the budget stops, or null when the turn goes ahead (GO, or offline). */
    private static AssistantReply refusal(Budget.Verdict verdict, Lang lang) {
        return switch (verdict) {
            case GO, OFFLINE -> null;
            case LIMIT_REACHED -> simple(Texts.limitReached(lang), lang, "fallback");
            case SIGN_IN ->
                new AssistantReply(
                        Texts.signIn(lang),
                        lang.code(),
                        List.of(),
                        null,
                        null,
                        List.of(),
                        "fallback",
                        List.of(lang.pick("Sign in", "Masuk")));
        };
    }

    // ------------------------------------------------------------------ small helpers

    private static String listing(List<ToolResult> results, Lang lang) {
        Map<Long, Product> products = new LinkedHashMap<>();
        for (ToolResult r : results) for (Product p : r.products()) products.putIfAbsent(p.id(), p);
        if (products.isEmpty()) return lang.pick("Done. Anything else?", "Sudah. Ada lagi?");
        StringBuilder sb = new StringBuilder(lang.pick("Here is what I found:", "Ini yang saya temukan:"));
        products.values().stream()
                .limit(5)
                .forEach(p -> sb.append("\n- **")
                        .append(p.name())
                        .append("** - ")
                        .append(p.price().format()));
        return sb.toString();
    }

    private static List<ProductCard> searchCards(List<ToolResult> results) {
        List<ProductCard> out = new ArrayList<>();
        for (ToolResult r : results) {
            if (!r.tool().startsWith("search")
                    && !r.tool().startsWith("get_products")
                    && !r.tool().startsWith("get_gift")) continue;
            for (Product p : r.products())
                if (out.size() < 6 && out.stream().noneMatch(c -> c.id() == p.id())) out.add(ProductCard.of(p));
        }
        return out;
    }

    private static List<String> suggestions(Lang lang, List<String> tools, ProposedAction action) {
        if (action != null) return lang == Lang.ID ? List.of("ya", "tidak") : List.of("yes", "no");
        if (tools.contains("add_to_cart"))
            return lang == Lang.ID ? List.of("lihat keranjang", "checkout") : List.of("view cart", "checkout");
        if (tools.contains("search_products") || tools.contains("get_products_by_category")) {
            return lang == Lang.ID
                    ? List.of("bandingkan dua teratas", "tambahkan yang pertama")
                    : List.of("compare the top two", "add the first one");
        }
        return List.of();
    }

    private AssistantReply graceful(Lang lang) {
        return new AssistantReply(
                Texts.graceful(lang),
                lang.code(),
                List.of(),
                null,
                null,
                List.of(),
                "fallback",
                Texts.gracefulSuggestions(lang));
    }

    private static AssistantReply simple(String text, Lang lang, String assistant) {
        return new AssistantReply(text, lang.code(), List.of(), null, null, List.of(), assistant, List.of());
    }

    private static void emit(Consumer<String> onToken, String text, AtomicBoolean shown) {
        if (onToken == null || text == null || shown != null && shown.get()) return;
        try {
            onToken.accept(text);
        } catch (RuntimeException e) {
            // the UI's callback failing must not lose the answer
        }
    }
}

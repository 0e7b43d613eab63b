package com.shopassist.ai.offline;

import com.shopassist.ai.cart.CartDialog;
import com.shopassist.ai.catalog.BrandsTool;
import com.shopassist.ai.catalog.CatalogDialog;
import com.shopassist.ai.catalog.CategoriesTool;
import com.shopassist.ai.catalog.NamedProducts;
import com.shopassist.ai.checkout.CheckoutDialog;
import com.shopassist.ai.customer.AddressDialog;
import com.shopassist.ai.dialog.ConversationState;
import com.shopassist.ai.dialog.ConversationState.Awaiting;
import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.gift.GiftDialog;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.order.OrderDialog;
import com.shopassist.ai.stock.StockDialog;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.voucher.VoucherDialog;
import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.chat.ShoppingAssistant;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shopping assistant that needs no network: it understands English, Bahasa Indonesia and
 * the mix in between ({@link IntentParser}), keeps each session's state (last results, the
 * product in focus, a question asked), and hands each intent to its feature's dialog, which acts
 * only through the shared tool layer, so it can do what the Gemini assistant can and replies in
 * the same shape. A pending yes/no lives in the shared proposal store. Every message gets a
 * reply; nothing a shopper types makes it throw.
 */
public final class OfflineAssistant implements ShoppingAssistant {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineAssistant.class);
    private static final Duration VOCABULARY_TTL = Duration.ofMinutes(10);
    private static final Duration VOCABULARY_RETRY = Duration.ofSeconds(30);
    private static final int MAX_SESSIONS = 5_000;

    /** Every feature's dialog. */
    private static final List<IntentHandler> DIALOGS = List.of(
            new CatalogDialog(),
            new StockDialog(),
            new CartDialog(),
            new VoucherDialog(),
            new AddressDialog(),
            new CheckoutDialog(),
            new OrderDialog(),
            new GiftDialog());

    /** Intents whose message may name a product in full, which then beats any reference. */
    private static final Set<Intent> NAMES_A_PRODUCT = EnumSet.of(
            Intent.ADD_TO_CART,
            Intent.REMOVE_FROM_CART,
            Intent.STOCK,
            Intent.PRODUCT_DETAILS,
            Intent.SEARCH,
            Intent.UNKNOWN);

    /** What the rest of a message can ask about a product it names. */
    private static final Set<Intent> ABOUT_A_PRODUCT =
            EnumSet.of(Intent.ADD_TO_CART, Intent.REMOVE_FROM_CART, Intent.STOCK, Intent.PRODUCT_DETAILS);

    private final ToolBox tools;
    private final Map<Intent, IntentHandler> byIntent = new EnumMap<>(Intent.class);
    private final Map<ProposedAction.Kind, IntentHandler> byKind = new EnumMap<>(ProposedAction.Kind.class);
    private final ConversationState.Store sessions = new ConversationState.Store(MAX_SESSIONS);
    private volatile IntentParser parser = new IntentParser(Vocabulary.empty());
    private volatile long vocabularyLoadedAt = Long.MIN_VALUE;
    private final Object vocabularyLock = new Object();

    public OfflineAssistant(ToolBox tools) {
        this.tools = tools;
        for (IntentHandler h : DIALOGS) {
            for (Intent i : h.intents()) byIntent.put(i, h);
            for (ProposedAction.Kind k : h.proposes()) byKind.put(k, h);
        }
    }

    // ------------------------------------------------------------------ the port

    @Override
    public AssistantReply reply(ChatContext ctx, String message) {
        Lang fallback = Lang.of(ctx == null ? null : ctx.uiLocale());
        try {
            ConversationState state = sessions.get(ctx == null ? null : ctx.chatSessionId());
            synchronized (state) {
                refreshVocabulary(ctx);
                ParsedMessage m = parser.parse(message, state.lang() != null ? state.lang() : fallback);
                state.lang(m.lang());
                DialogTurn turn = new DialogTurn(ctx, state, m.lang(), tools);
                handle(turn, m, message);
                return turn.reply(helpChips(m.lang()));
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("offline assistant failed on a message; answering politely", e);
            return failed(
                    fallback,
                    fallback.pick(
                            "Sorry, something went wrong on my side. Please try again, or ask a clerk for help.",
                            "Maaf, ada kendala di sistem kami. Silakan coba lagi, atau minta bantuan petugas."),
                    helpChips(fallback));
        }
    }

    @Override
    public AssistantReply confirm(ChatContext ctx, String actionId, boolean accept) {
        Lang fallback = Lang.of(ctx == null ? null : ctx.uiLocale());
        try {
            ConversationState state = sessions.get(ctx == null ? null : ctx.chatSessionId());
            synchronized (state) {
                Lang lang = state.lang() != null ? state.lang() : fallback;
                DialogTurn turn = new DialogTurn(ctx, state, lang, tools);
                Optional<PendingProposal> pending = turn.pending();
                if (pending.isEmpty()
                        || actionId == null
                        || !pending.get().action().id().equals(actionId)) {
                    turn.say(turn.t(
                            "That request has expired, so nothing was changed. Ask me again if you still want it.",
                            "Permintaan itu sudah kedaluwarsa, jadi tidak ada yang diubah. Silakan minta lagi."));
                    return turn.reply(helpChips(lang));
                }
                if (accept) carryOut(turn, pending.get().action());
                else cancelPending(turn);
                return turn.reply(helpChips(lang));
            }
        } catch (RuntimeException e) {
            LOG.warn("offline assistant failed to confirm", e);
            return failed(
                    fallback,
                    fallback.pick(
                            "Sorry, that did not go through. Please try again.", "Maaf, itu gagal. Silakan coba lagi."),
                    List.of());
        }
    }

    @Override
    public void forget(ChatContext context) {
        if (context != null) sessions.forget(context.chatSessionId());
    }

    private static AssistantReply failed(Lang lang, String text, List<String> chips) {
        return new AssistantReply(text, lang.code(), List.of(), null, null, List.of(), DialogTurn.ASSISTANT, chips);
    }

    // ------------------------------------------------------------------ one turn

    private void handle(DialogTurn turn, ParsedMessage m, String raw) {
        ConversationState st = turn.state();
        // a yes/no answers the pending proposal; anything else replaces it
        Optional<PendingProposal> pending = turn.pending();
        if (pending.isPresent()) {
            if (m.intent() == Intent.CONFIRM) {
                carryOut(turn, pending.get().action());
                return;
            }
            if (m.intent() == Intent.DENY) {
                cancelPending(turn);
                return;
            }
            if (m.intent() != Intent.GREETING && m.intent() != Intent.THANKS && m.intent() != Intent.HELP) {
                turn.dropPending();
            }
        }
        Awaiting question = st.awaiting();
        st.await(Awaiting.NOTHING);
        if (question != Awaiting.NOTHING) {
            for (IntentHandler h : DIALOGS) if (h.answer(turn, question, m, raw)) return;
        }
        if (NAMES_A_PRODUCT.contains(m.intent())) {
            turn.named(NamedProducts.find(turn, m));
            if (!turn.named().isEmpty()) m = around(m, raw, turn.named().get(0));
        }
        IntentHandler feature = byIntent.get(m.intent());
        if (feature != null) {
            feature.handle(turn, m);
            return;
        }
        smallTalk(turn, m);
    }

    /**
     * A message that names a product in full, read again without the name: the rest says what to
     * do with it ("tambahkan 3", "can I still buy ... ?"); a name alone, or with words that ask
     * for nothing in particular, shows the product.
     */
    private ParsedMessage around(ParsedMessage m, String raw, Product named) {
        ParsedMessage rest = parser.parse(NamedProducts.without(raw, named), m.lang());
        Intent intent = rest.intent();
        if (!ABOUT_A_PRODUCT.contains(intent)) {
            intent = m.intent() == Intent.SEARCH || m.intent() == Intent.UNKNOWN ? Intent.PRODUCT_DETAILS : m.intent();
        }
        return rest.withIntent(intent);
    }

    private void smallTalk(DialogTurn turn, ParsedMessage m) {
        switch (m.intent()) {
            case HELP -> help(turn);
            case GREETING -> {
                turn.say(turn.t(
                        "Hello! I'm the store assistant. I can find products, check stock, fill your cart and check out.",
                        "Halo! Saya asisten toko. Saya bisa carikan produk, cek stok, isi keranjang, dan checkout."));
                turn.chips(helpChips(turn.lang()).toArray(String[]::new));
            }
            case THANKS -> {
                turn.say(turn.t(
                        "You're welcome! Anything else I can help with?", "Sama-sama! Ada lagi yang bisa saya bantu?"));
                turn.pending()
                        .ifPresent(p -> turn.say(turn.t(
                                "Still waiting for your answer: " + p.action().summary() + " (yes / no)",
                                "Masih menunggu jawabanmu: " + p.action().summary() + " (ya / tidak)")));
            }
            case CLERK -> {
                turn.say(turn.t(
                        "I'll call a clerk for you: please wait here, someone will come shortly.",
                        "Saya panggilkan petugas: mohon tunggu di sini, sebentar lagi ada yang datang."));
                LOG.info(
                        "clerk requested from chat session {}",
                        turn.ctx() == null ? null : turn.ctx().chatSessionId());
            }
            case CONFIRM ->
                turn.say(turn.t(
                        "There's nothing waiting for a yes right now. What would you like to do?",
                        "Tidak ada yang perlu dikonfirmasi sekarang. Mau melakukan apa?"));
            case DENY ->
                turn.say(turn.t("Okay. Anything else I can help with?", "Baik. Ada lagi yang bisa saya bantu?"));
            default -> {
                turn.say(
                        turn.t(
                                "Sorry, I can only help with shopping here: products, stock, your cart, vouchers and orders.",
                                "Maaf, saya hanya bisa membantu belanja di sini: produk, stok, keranjang, voucher, dan pesanan."));
                turn.chips(helpChips(turn.lang()).toArray(String[]::new));
            }
        }
    }

    private void help(DialogTurn turn) {
        turn.say(turn.t(
                "I can help you shop. Try for example:\n"
                        + "• \"headphones under 500k\" or \"something to keep coffee hot\"\n"
                        + "• \"tell me about the second one\", \"is it in stock?\"\n"
                        + "• \"add 2 of the first one\", \"show my cart\", \"use voucher WELCOME10\"\n"
                        + "• \"checkout to Rumah\", \"where is my order\", \"call a clerk\"",
                "Saya bisa bantu belanja. Coba misalnya:\n"
                        + "• \"sepatu lari di bawah 1 juta\" atau \"yang murah\"\n"
                        + "• \"detail yang kedua\", \"stoknya masih ada?\"\n"
                        + "• \"tambah 2 yang pertama\", \"lihat keranjang\", \"pakai voucher WELCOME10\"\n"
                        + "• \"kirim ke rumah\", \"status pesanan saya\", \"panggil petugas\""));
        turn.chips(helpChips(turn.lang()).toArray(String[]::new));
    }

    private static List<String> helpChips(Lang lang) {
        return lang == Lang.ID
                ? List.of("Lihat kategori", "Lihat keranjang", "Voucher apa saja?", "Panggil petugas")
                : List.of("Show categories", "View cart", "Any vouchers?", "Call a clerk");
    }

    // ------------------------------------------------------------------ proposals

    private void carryOut(DialogTurn turn, ProposedAction a) {
        ToolResult r = turn.carryOut(a);
        if (!r.ok() && "NO_PROPOSAL".equals(r.errorCode())) {
            turn.say(turn.t(
                    "That request has expired, so nothing was changed. Please ask again.",
                    "Permintaan itu sudah kedaluwarsa, jadi tidak ada yang diubah. Silakan ulangi."));
            return;
        }
        IntentHandler feature = byKind.get(a.kind());
        if (feature != null && feature.settled(turn, a, r)) return;
        Replies.unavailable(turn, r);
    }

    private void cancelPending(DialogTurn turn) {
        turn.dropPending();
        turn.say(turn.t("Okay, I haven't changed anything.", "Oke, tidak ada yang diubah."));
    }

    // ------------------------------------------------------------------ the store's words

    private void refreshVocabulary(ChatContext ctx) {
        long now = System.nanoTime();
        if (vocabularyLoadedAt != Long.MIN_VALUE && now - vocabularyLoadedAt < VOCABULARY_TTL.toNanos()) return;
        synchronized (vocabularyLock) {
            if (vocabularyLoadedAt != Long.MIN_VALUE && now - vocabularyLoadedAt < VOCABULARY_TTL.toNanos()) return;
            try {
                ToolResult cats = tools.call(ctx, CategoriesTool.NAME, Args.none());
                ToolResult brands = tools.call(ctx, BrandsTool.NAME, Args.none());
                if (cats.ok() && brands.ok()) {
                    Map<String, String> c = new LinkedHashMap<>();
                    for (Category x : cats.dataList(Category.class)) c.put(x.name(), x.nameId());
                    List<String> b = brands.dataList(Brand.class).stream()
                            .map(Brand::name)
                            .toList();
                    parser = new IntentParser(new Vocabulary(b, c));
                    vocabularyLoadedAt = now;
                } else {
                    vocabularyLoadedAt = now - VOCABULARY_TTL.toNanos() + VOCABULARY_RETRY.toNanos();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not load the store vocabulary; parsing without it for now", e);
                vocabularyLoadedAt = now - VOCABULARY_TTL.toNanos() + VOCABULARY_RETRY.toNanos();
            }
        }
    }
}

package com.shopassist.ai.offline;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tools.ShopTools;
import com.shopassist.ai.tools.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.customer.Address;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderLine;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.stock.StockLevel;
import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shopping assistant that needs no network: it understands English, Bahasa Indonesia and
 * the mix in between ({@link IntentParser}), keeps each session's state (last results, the
 * product in focus, a pending yes/no), and acts only through the shared {@link ShopTools}, so it
 * can do what the Gemini assistant can and replies in the same shape. Every message gets a
 * reply; nothing a shopper types makes it throw.
 */
public final class OfflineAssistant implements ShoppingAssistant {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineAssistant.class);
    private static final Duration VOCABULARY_TTL = Duration.ofMinutes(10);
    private static final int SHOW = 6;

    private final ShopTools tools;
    private final ConversationState.Store sessions = new ConversationState.Store(5_000);
    private volatile IntentParser parser = new IntentParser(Vocabulary.empty());
    private volatile long vocabularyLoadedAt = Long.MIN_VALUE;
    private final Object vocabularyLock = new Object();

    public OfflineAssistant(ShopTools tools) {
        this.tools = tools;
    }

    // ------------------------------------------------------------------ the port

    @Override
    public AssistantReply reply(ChatContext ctx, String message) {
        Lang fallback = Lang.of(ctx == null ? null : ctx.uiLocale());
        try {
            ConversationState state = sessions.get(ctx == null ? null : ctx.chatSessionId());
            synchronized (state) {
                refreshVocabulary(ctx);
                ParsedMessage m = parser.parse(message, state.lang != null ? state.lang : fallback);
                state.lang = m.lang();
                Turn turn = new Turn(ctx, state, m.lang());
                handle(turn, m, message);
                return turn.reply();
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("offline assistant failed on a message; answering politely", e);
            Lang lang = fallback;
            return new AssistantReply(
                    t(
                            lang,
                            "Sorry, something went wrong on my side. Please try again, or ask a clerk for help.",
                            "Maaf, ada kendala di sistem kami. Silakan coba lagi, atau minta bantuan petugas."),
                    lang.code(),
                    List.of(),
                    null,
                    null,
                    List.of(),
                    "offline",
                    helpChips(lang));
        }
    }

    @Override
    public AssistantReply confirm(ChatContext ctx, String actionId, boolean accept) {
        Lang fallback = Lang.of(ctx == null ? null : ctx.uiLocale());
        try {
            ConversationState state = sessions.get(ctx == null ? null : ctx.chatSessionId());
            synchronized (state) {
                Lang lang = state.lang != null ? state.lang : fallback;
                Turn turn = new Turn(ctx, state, lang);
                if (state.pending == null
                        || actionId == null
                        || !state.pending.id().equals(actionId)) {
                    turn.say(t(
                            lang,
                            "That request has expired, so nothing was changed. Ask me again if you still want it.",
                            "Permintaan itu sudah kedaluwarsa, jadi tidak ada yang diubah. Silakan minta lagi."));
                    return turn.reply();
                }
                if (accept) carryOut(turn);
                else cancelPending(turn);
                return turn.reply();
            }
        } catch (RuntimeException e) {
            LOG.warn("offline assistant failed to confirm", e);
            return new AssistantReply(
                    t(
                            fallback,
                            "Sorry, that did not go through. Please try again.",
                            "Maaf, itu gagal. Silakan coba lagi."),
                    fallback.code(),
                    List.of(),
                    null,
                    null,
                    List.of(),
                    "offline",
                    List.of());
        }
    }

    @Override
    public void forget(ChatContext context) {
        if (context != null) sessions.forget(context.chatSessionId());
    }

    // ------------------------------------------------------------------ one turn

    /** What this turn collects on its way to a reply. */
    private final class Turn {
        final ChatContext ctx;
        final ConversationState state;
        final Lang lang;
        final StringBuilder text = new StringBuilder();
        final List<Product> products = new ArrayList<>();
        final List<String> toolNames = new ArrayList<>();
        final List<String> chips = new ArrayList<>();
        Cart cart;
        ProposedAction action;

        Turn(ChatContext ctx, ConversationState state, Lang lang) {
            this.ctx = ctx;
            this.state = state;
            this.lang = lang;
        }

        ToolResult call(ToolResult r) {
            toolNames.add(r.tool());
            if (r.cart() != null) cart = r.cart();
            return r;
        }

        void say(String s) {
            if (text.length() > 0) text.append('\n');
            text.append(s);
        }

        void chips(String... c) {
            for (String s : c) if (s != null && !chips.contains(s)) chips.add(s);
        }

        void show(List<Product> ps) {
            for (Product p : ps) if (products.stream().noneMatch(x -> x.id() == p.id())) products.add(p);
        }

        AssistantReply reply() {
            if (text.length() == 0) say(t(lang, "How can I help?", "Ada yang bisa saya bantu?"));
            List<ProductCard> cards = products.stream().map(ProductCard::of).toList();
            List<String> s = chips.isEmpty() ? helpChips(lang) : chips;
            return new AssistantReply(
                    text.toString(),
                    lang.code(),
                    cards,
                    cart,
                    action,
                    toolNames,
                    "offline",
                    s.subList(0, Math.min(4, s.size())));
        }
    }

    private void handle(Turn turn, ParsedMessage m, String raw) {
        ConversationState st = turn.state;
        // a yes/no answers the pending proposal; anything else replaces it
        if (st.pending != null) {
            if (m.intent() == Intent.CONFIRM) {
                carryOut(turn);
                return;
            }
            if (m.intent() == Intent.DENY) {
                cancelPending(turn);
                return;
            }
            if (m.intent() != Intent.GREETING && m.intent() != Intent.THANKS && m.intent() != Intent.HELP) {
                st.pending = null;
            }
        }
        if (st.awaiting == ConversationState.Awaiting.ADDRESS) {
            st.awaiting = ConversationState.Awaiting.NOTHING;
            if (m.intent() == Intent.DENY) {
                turn.say(t(turn.lang, "Okay, no checkout for now.", "Oke, tidak jadi checkout."));
                return;
            }
            String label = m.addressLabel() != null ? m.addressLabel() : raw == null ? "" : raw.trim();
            if (m.intent() == Intent.CHECKOUT || m.intent() == Intent.ADDRESSES || isShortAnswer(m)) {
                checkout(turn, label);
                return;
            }
        }
        if (st.awaiting == ConversationState.Awaiting.VOUCHER_CODE) {
            st.awaiting = ConversationState.Awaiting.NOTHING;
            if (isShortAnswer(m) && raw != null && raw.trim().matches("[A-Za-z0-9_]{3,24}")) {
                applyVoucher(turn, raw.trim().toUpperCase(Locale.ROOT));
                return;
            }
        }
        switch (m.intent()) {
            case SEARCH -> search(turn, m);
            case PRODUCT_DETAILS -> details(turn, m);
            case STOCK -> stock(turn, m);
            case CATEGORIES -> categories(turn);
            case BRANDS -> brands(turn);
            case ADD_TO_CART -> add(turn, m);
            case REMOVE_FROM_CART -> remove(turn, m);
            case CLEAR_CART -> clearCart(turn);
            case VIEW_CART -> viewCart(turn);
            case VOUCHERS -> vouchers(turn);
            case APPLY_VOUCHER -> {
                if (m.voucherCode() == null) {
                    vouchers(turn);
                    turn.say(t(turn.lang, "Which code would you like to use?", "Kode mana yang mau dipakai?"));
                    st.awaiting = ConversationState.Awaiting.VOUCHER_CODE;
                } else {
                    applyVoucher(turn, m.voucherCode());
                }
            }
            case REMOVE_VOUCHER -> removeVoucher(turn);
            case ADDRESSES -> addresses(turn);
            case CHECKOUT -> checkout(turn, m.addressLabel());
            case ORDERS -> orders(turn);
            case ORDER_STATUS -> orderStatus(turn, m);
            case COMPARE -> compare(turn, m);
            case GIFT -> gift(turn, m);
            case HELP -> help(turn);
            case GREETING -> {
                turn.say(t(
                        turn.lang,
                        "Hello! I'm the store assistant. I can find products, check stock, fill your cart and check out.",
                        "Halo! Saya asisten toko. Saya bisa carikan produk, cek stok, isi keranjang, dan checkout."));
                turn.chips(helpChips(turn.lang).toArray(String[]::new));
            }
            case THANKS -> {
                turn.say(t(
                        turn.lang,
                        "You're welcome! Anything else I can help with?",
                        "Sama-sama! Ada lagi yang bisa saya bantu?"));
                if (st.pending != null) turn.say(pendingReminder(turn));
            }
            case CLERK -> {
                turn.say(t(
                        turn.lang,
                        "I'll call a clerk for you: please wait here, someone will come shortly.",
                        "Saya panggilkan petugas: mohon tunggu di sini, sebentar lagi ada yang datang."));
                LOG.info("clerk requested from chat session {}", turn.ctx == null ? null : turn.ctx.chatSessionId());
            }
            case CONFIRM ->
                turn.say(t(
                        turn.lang,
                        "There's nothing waiting for a yes right now. What would you like to do?",
                        "Tidak ada yang perlu dikonfirmasi sekarang. Mau melakukan apa?"));
            case DENY ->
                turn.say(t(turn.lang, "Okay. Anything else I can help with?", "Baik. Ada lagi yang bisa saya bantu?"));
            case UNKNOWN -> {
                turn.say(
                        t(
                                turn.lang,
                                "Sorry, I can only help with shopping here: products, stock, your cart, vouchers and orders.",
                                "Maaf, saya hanya bisa membantu belanja di sini: produk, stok, keranjang, voucher, dan pesanan."));
                turn.chips(helpChips(turn.lang).toArray(String[]::new));
            }
        }
    }

    private static boolean isShortAnswer(ParsedMessage m) {
        return m.intent() == Intent.SEARCH
                || m.intent() == Intent.UNKNOWN
                || m.intent() == Intent.PRODUCT_DETAILS
                || m.intent() == Intent.APPLY_VOUCHER;
    }

    // ------------------------------------------------------------------ catalog

    private void search(Turn turn, ParsedMessage m) {
        ParsedMessage q = m;
        boolean refine = (m.query() == null || m.query().isBlank()) && m.brand() == null && m.category() == null;
        if (refine && turn.state.lastSearch != null) {
            ParsedMessage last = turn.state.lastSearch;
            q = new ParsedMessage(
                    Intent.SEARCH,
                    m.lang(),
                    last.query(),
                    last.name(),
                    last.brand(),
                    last.category(),
                    m.minPrice() != null || m.maxPrice() != null ? m.minPrice() : last.minPrice(),
                    m.minPrice() != null || m.maxPrice() != null ? m.maxPrice() : last.maxPrice(),
                    m.sort() != null ? m.sort() : last.sort(),
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    last.phrase(),
                    last.ask(),
                    last.shown());
        }
        String query = blank(q.query()) ? null : q.query();
        // "something to clean the floor": the verb the keyword query dropped carries the meaning
        if (!blank(q.phrase()) && (query == null || q.phrase().split(" ").length > query.split(" ").length)) {
            query = q.phrase();
        }
        String ask = blank(q.ask()) ? null : q.ask();
        ToolResult r = turn.call(tools.searchProducts(
                turn.ctx, query, ask, q.category(), q.brand(), q.minPrice(), q.maxPrice(), null, q.sort(), SHOW));
        // the category may be a guess ("food" for "dog food"): the words alone come next
        if (r.ok() && r.products().isEmpty() && q.category() != null && query != null) {
            r = turn.call(tools.searchProducts(
                    turn.ctx, query, ask, null, q.brand(), q.minPrice(), q.maxPrice(), null, q.sort(), SHOW));
        }
        // "footwear under 500k": the category's own name is rarely in product names, so browse it
        if (r.ok() && r.products().isEmpty() && q.category() != null && query != null) {
            r = turn.call(tools.searchProducts(
                    turn.ctx, null, null, q.category(), q.brand(), q.minPrice(), q.maxPrice(), null, q.sort(), SHOW));
        }
        if (r.ok() && r.products().isEmpty() && q.brand() != null && query != null) {
            r = turn.call(tools.searchProducts(
                    turn.ctx,
                    q.brand() + " " + query,
                    ask,
                    q.category(),
                    null,
                    q.minPrice(),
                    q.maxPrice(),
                    null,
                    q.sort(),
                    SHOW));
        }
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        turn.state.lastSearch = q;
        String what = describe(q, turn.lang);
        if (r.products().isEmpty()) {
            turn.say(t(
                    turn.lang,
                    "I couldn't find " + what + ". Try other words, a wider price range, or browse the categories.",
                    "Saya tidak menemukan " + what
                            + ". Coba kata lain, rentang harga yang lebih luas, atau lihat kategori."));
            turn.chips(t(turn.lang, "Show categories", "Lihat kategori"), t(turn.lang, "Help", "Bantuan"));
            return;
        }
        List<Product> found = availableFirst(r.products(), q.sort());
        turn.state.showProducts(found);
        turn.show(found);
        turn.say(t(turn.lang, "Here is what I found for " + what + ":", "Ini hasil untuk " + what + ":"));
        listProducts(turn, found);
        turn.chips(t(turn.lang, "Add the first one", "Tambah yang pertama"));
        if (r.products().size() >= 2) turn.chips(t(turn.lang, "Compare the first two", "Bandingkan yang 1 dan 2"));
        if (!"price_asc".equals(q.sort())) turn.chips(t(turn.lang, "Cheaper ones", "Yang lebih murah"));
        turn.chips(t(turn.lang, "Tell me about the first one", "Detail yang pertama"));
    }

    /** Sold-out products after the ones a shopper can take home today (a price sort stays as asked). */
    private static List<Product> availableFirst(List<Product> ps, String sort) {
        if (sort != null && !"relevance".equals(sort)) return ps;
        List<Product> out = new ArrayList<>(ps.size());
        for (Product p : ps) if (p.available() > 0) out.add(p);
        for (Product p : ps) if (p.available() <= 0) out.add(p);
        return out;
    }

    private static String describe(ParsedMessage q, Lang lang) {
        List<String> parts = new ArrayList<>();
        if (q.brand() != null) parts.add(q.brand());
        // the shopper's own words: an Indonesian ask is searched in the catalog's English
        // ("sepatu lari" -> "running shoes"), but the answer quotes what they typed
        if (!blank(q.query())) parts.add("\"" + (lang == Lang.ID && !blank(q.shown()) ? q.shown() : q.query()) + "\"");
        else if (q.category() != null) parts.add(q.category());
        String s = parts.isEmpty() ? t(lang, "products", "produk") : String.join(" ", parts);
        if (q.minPrice() != null && q.maxPrice() != null) {
            s += t(lang, " between ", " antara ")
                    + Money.of(q.minPrice()).format()
                    + t(lang, " and ", " dan ")
                    + Money.of(q.maxPrice()).format();
        } else if (q.maxPrice() != null) {
            s += t(lang, " under ", " di bawah ") + Money.of(q.maxPrice()).format();
        } else if (q.minPrice() != null) {
            s += t(lang, " over ", " di atas ") + Money.of(q.minPrice()).format();
        }
        if ("price_asc".equals(q.sort())) s += t(lang, ", cheapest first", ", termurah dulu");
        if ("price_desc".equals(q.sort())) s += t(lang, ", priciest first", ", termahal dulu");
        if ("newest".equals(q.sort())) s += t(lang, ", newest first", ", terbaru dulu");
        return s;
    }

    private void listProducts(Turn turn, List<Product> ps) {
        for (int i = 0; i < ps.size(); i++) turn.say((i + 1) + ". " + line(ps.get(i), turn.lang));
    }

    private static String line(Product p, Lang lang) {
        String s = p.name() + " — " + p.price().format();
        StockBadge b = p.stockBadge();
        if (b == StockBadge.SOLD_OUT) s += t(lang, " (sold out)", " (habis)");
        else if (b == StockBadge.LOW)
            s += t(lang, " (only " + p.available() + " left)", " (sisa " + p.available() + ")");
        return s;
    }

    private void details(Turn turn, ParsedMessage m) {
        Product p = resolveProduct(turn, m);
        if (p == null) return;
        ToolResult r = turn.call(tools.getProductDetails(turn.ctx, p.id()));
        if (!r.ok() || r.products().isEmpty()) {
            unavailable(turn, r);
            return;
        }
        Product d = r.products().get(0);
        turn.state.focus = d;
        turn.show(List.of(d));
        turn.say(d.name() + " (" + d.brand() + ") — " + d.price().format());
        turn.say(stockSentence(d.available(), d.lowStockThreshold(), turn.lang));
        if (!blank(d.description())) turn.say(d.description());
        turn.chips(
                t(turn.lang, "Add to cart", "Tambah ke keranjang"),
                t(turn.lang, "Is it in stock?", "Stoknya ada?"),
                t(turn.lang, "Show similar", "Yang mirip"));
    }

    private void stock(Turn turn, ParsedMessage m) {
        Product p = null;
        if (m.ref() != null || (blank(m.name()) && m.brand() == null)) {
            p = resolveProduct(turn, m);
            if (p == null) return;
        }
        if (p != null) {
            ToolResult r = turn.call(tools.checkStock(turn.ctx, p.id()));
            if (!r.ok()) {
                unavailable(turn, r);
                return;
            }
            StockLevel s = r.dataList(StockLevel.class).get(0);
            turn.state.focus = r.products().isEmpty() ? p : r.products().get(0);
            turn.show(r.products());
            turn.say(s.productName() + ": " + stockSentence(s.available(), s.lowStockThreshold(), turn.lang));
            stockChips(turn, s);
            return;
        }
        String name = lookupText(m);
        ToolResult r = turn.call(tools.checkStockByName(turn.ctx, name));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        List<StockLevel> levels = r.dataList(StockLevel.class);
        if (levels.isEmpty()) {
            turn.say(t(
                    turn.lang,
                    "I couldn't find a product called \"" + name + "\".",
                    "Saya tidak menemukan produk bernama \"" + name + "\"."));
            return;
        }
        turn.state.showProducts(r.products());
        turn.show(r.products());
        for (StockLevel s : levels) {
            turn.say(s.productName() + ": " + stockSentence(s.available(), s.lowStockThreshold(), turn.lang));
        }
        stockChips(turn, levels.get(0));
    }

    private void stockChips(Turn turn, StockLevel s) {
        if (s.inStock()) turn.chips(t(turn.lang, "Add to cart", "Tambah ke keranjang"));
        else turn.chips(t(turn.lang, "Show similar", "Yang mirip"));
    }

    private static String stockSentence(int available, int low, Lang lang) {
        if (available <= 0) return t(lang, "sold out right now.", "sedang habis.");
        if (available <= low) return t(lang, "only " + available + " left.", "tinggal " + available + ".");
        return t(lang, "in stock (" + available + " available).", "tersedia (" + available + " stok).");
    }

    private void categories(Turn turn) {
        ToolResult r = turn.call(tools.getCategories(turn.ctx));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        List<Category> cats = r.dataList(Category.class);
        turn.say(t(turn.lang, "We have these categories:", "Kategori kami:"));
        for (Category c : cats) {
            String name = turn.lang == Lang.ID && c.nameId() != null ? c.nameId() : c.name();
            turn.say("• " + name + " (" + c.productCount() + ")");
        }
        for (Category c : cats.subList(0, Math.min(3, cats.size()))) {
            turn.chips(turn.lang == Lang.ID && c.nameId() != null ? c.nameId() : c.name());
        }
    }

    private void brands(Turn turn) {
        ToolResult r = turn.call(tools.getBrands(turn.ctx));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        List<Brand> brands = r.dataList(Brand.class).stream()
                .sorted(Comparator.comparingLong(Brand::productCount).reversed())
                .toList();
        List<String> names = brands.stream().limit(30).map(Brand::name).toList();
        turn.say(t(turn.lang, "Brands we carry: ", "Merek yang kami jual: ")
                + String.join(", ", names)
                + (brands.size() > 30
                        ? t(
                                turn.lang,
                                ", and " + (brands.size() - 30) + " more.",
                                ", dan " + (brands.size() - 30) + " lainnya.")
                        : "."));
        for (String b : names.subList(0, Math.min(3, names.size()))) turn.chips(b);
    }

    // ------------------------------------------------------------------ cart

    private void add(Turn turn, ParsedMessage m) {
        Product p;
        if (m.ref() == null && blank(m.name()) && m.brand() == null) {
            p = turn.state.focus != null
                    ? turn.state.focus
                    : turn.state.lastProducts.size() == 1 ? turn.state.lastProducts.get(0) : null;
            if (p == null) {
                turn.say(t(
                        turn.lang,
                        "Which product would you like to add? Say \"the first one\", or its name.",
                        "Produk mana yang mau ditambahkan? Sebut \"yang pertama\", atau namanya."));
                if (!turn.state.lastProducts.isEmpty()) listProducts(turn, turn.state.lastProducts);
                return;
            }
        } else {
            p = resolveProduct(turn, m);
            if (p == null) return;
        }
        int qty = m.quantity() == null ? 1 : Math.max(1, Math.min(999, m.quantity()));
        ToolResult r = turn.call(tools.addToCart(turn.ctx, p.id(), qty));
        if (!r.ok()) {
            if (r.data() instanceof InsufficientStockException e) {
                turn.say(
                        e.available() <= 0
                                ? t(turn.lang, e.productName() + " is sold out.", e.productName() + " sedang habis.")
                                : t(
                                        turn.lang,
                                        "Only " + e.available() + " of " + e.productName() + " available.",
                                        "Stok " + e.productName() + " tinggal " + e.available() + "."));
                if (!e.alternatives().isEmpty()) {
                    turn.say(t(turn.lang, "You might like:", "Mungkin cocok:"));
                    listProducts(turn, e.alternatives());
                    turn.state.showProducts(e.alternatives());
                    turn.show(e.alternatives());
                }
                if (e.available() > 0) {
                    turn.chips(t(turn.lang, "Add " + e.available(), "Tambah " + e.available()));
                }
                return;
            }
            unavailable(turn, r);
            return;
        }
        turn.state.focus = p;
        turn.say(t(
                turn.lang,
                "Added " + qty + " × " + p.name() + " to your cart.",
                "Sudah ditambahkan " + qty + " × " + p.name() + " ke keranjang."));
        if (turn.cart != null) turn.say(cartSummary(turn.cart, turn.lang));
        turn.chips(
                t(turn.lang, "View cart", "Lihat keranjang"),
                t(turn.lang, "Checkout", "Checkout"),
                t(turn.lang, "Add one more", "Tambah satu lagi"));
    }

    private void remove(Turn turn, ParsedMessage m) {
        ToolResult cr = turn.call(tools.getCart(turn.ctx));
        if (!cr.ok()) {
            unavailable(turn, cr);
            return;
        }
        Cart cart = cr.cart();
        if (cart == null || cart.isEmpty()) {
            turn.say(t(turn.lang, "Your cart is empty.", "Keranjang kamu kosong."));
            return;
        }
        CartLine line = resolveCartLine(turn, m, cart);
        if (line == null) {
            turn.say(t(turn.lang, "Which item should I remove?", "Barang mana yang mau dihapus?"));
            listCart(turn, cart);
            turn.state.lastShownCart = true;
            return;
        }
        ToolResult r = turn.call(tools.removeFromCart(turn.ctx, line.productId(), m.quantity()));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        boolean whole = m.quantity() == null || m.quantity() >= line.quantity();
        turn.say(
                whole
                        ? t(
                                turn.lang,
                                "Removed " + line.name() + " from your cart.",
                                line.name() + " sudah dihapus dari keranjang.")
                        : t(
                                turn.lang,
                                "Removed " + m.quantity() + " × " + line.name() + ".",
                                "Sudah dikurangi " + m.quantity() + " × " + line.name() + "."));
        if (turn.cart != null) turn.say(cartSummary(turn.cart, turn.lang));
        turn.chips(t(turn.lang, "View cart", "Lihat keranjang"));
    }

    private CartLine resolveCartLine(Turn turn, ParsedMessage m, Cart cart) {
        List<CartLine> lines = cart.lines();
        Ref ref = m.ref();
        if (ref != null) {
            switch (ref.kind()) {
                case ORDINAL, LAST -> {
                    int idx = ref.kind() == Ref.Kind.LAST ? -1 : ref.index() - 1;
                    // "the second one" points into what was shown last: the cart, or a result list
                    if (!turn.state.lastShownCart && !turn.state.lastProducts.isEmpty()) {
                        List<Product> shown = turn.state.lastProducts;
                        int i = idx < 0 ? shown.size() - 1 : idx;
                        if (i < shown.size()) {
                            long id = shown.get(i).id();
                            Optional<CartLine> l = lines.stream()
                                    .filter(x -> x.productId() == id)
                                    .findFirst();
                            if (l.isPresent()) return l.get();
                        }
                    }
                    int i = idx < 0 ? lines.size() - 1 : idx;
                    return i < lines.size() ? lines.get(i) : null;
                }
                case BRAND -> {
                    return lines.stream()
                            .filter(l -> l.brand() != null && l.brand().equalsIgnoreCase(ref.brand()))
                            .findFirst()
                            .orElse(null);
                }
                case CHEAPEST -> {
                    return lines.stream()
                            .min(Comparator.comparing(CartLine::unitPrice))
                            .orElse(null);
                }
                case PRICIEST -> {
                    return lines.stream()
                            .max(Comparator.comparing(CartLine::unitPrice))
                            .orElse(null);
                }
                case THAT, ALL -> {
                    Product f = turn.state.focus;
                    if (f != null) {
                        Optional<CartLine> l = lines.stream()
                                .filter(x -> x.productId() == f.id())
                                .findFirst();
                        if (l.isPresent()) return l.get();
                    }
                    return lines.size() == 1 ? lines.get(0) : null;
                }
            }
        }
        String name = !blank(m.name()) ? m.name() : m.brand();
        if (!blank(name)) {
            List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("\\s+"));
            // as typed and in English ("tas ransel" is one word, "backpack", in English)
            java.util.Set<String> terms = new java.util.LinkedHashSet<>(words);
            terms.addAll(IntentParser.mapSynonyms(words));
            CartLine best = null;
            int bestScore = 0;
            for (CartLine l : lines) {
                String hay = (l.name() + " " + l.brand()).toLowerCase(Locale.ROOT);
                int score = 0;
                for (String term : terms) {
                    if (!term.isBlank() && hay.contains(term)) score++;
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = l;
                }
            }
            return best;
        }
        return lines.size() == 1 ? lines.get(0) : null;
    }

    private void clearCart(Turn turn) {
        ToolResult r = turn.call(tools.clearCart(turn.ctx));
        if (!r.ok()) {
            if ("EMPTY_CART".equals(r.errorCode())) {
                turn.say(t(turn.lang, "Your cart is already empty.", "Keranjang kamu sudah kosong."));
                return;
            }
            unavailable(turn, r);
            return;
        }
        propose(
                turn,
                r.proposal(),
                t(
                        turn.lang,
                        "Clear the cart (" + r.cart().itemCount() + " items, "
                                + r.cart().total().format() + ")? yes / no",
                        "Kosongkan keranjang (" + r.cart().itemCount() + " barang, "
                                + r.cart().total().format() + ")? ya / tidak"));
    }

    private void viewCart(Turn turn) {
        ToolResult r = turn.call(tools.getCart(turn.ctx));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        Cart c = r.cart();
        if (c == null || c.isEmpty()) {
            turn.say(t(turn.lang, "Your cart is empty.", "Keranjang kamu masih kosong."));
            turn.chips(t(turn.lang, "Show categories", "Lihat kategori"));
            return;
        }
        turn.say(t(turn.lang, "Your cart:", "Isi keranjang kamu:"));
        listCart(turn, c);
        turn.say(cartSummary(c, turn.lang));
        turn.state.lastShownCart = true;
        turn.chips(
                t(turn.lang, "Checkout", "Checkout"),
                t(turn.lang, "Vouchers", "Voucher"),
                t(turn.lang, "Clear cart", "Kosongkan keranjang"));
    }

    private static void listCart(Turn turn, Cart c) {
        for (int i = 0; i < c.lines().size(); i++) {
            CartLine l = c.lines().get(i);
            turn.say((i + 1) + ". " + l.quantity() + " × " + l.name() + " — "
                    + l.lineTotal().format());
        }
    }

    private static String cartSummary(Cart c, Lang lang) {
        String s = t(
                lang,
                "Cart: " + c.itemCount() + (c.itemCount() == 1 ? " item, " : " items, "),
                "Keranjang: " + c.itemCount() + " barang, ");
        if (c.discount() != null && !c.discount().isZero()) {
            s += t(
                    lang,
                    "subtotal " + c.subtotal().format() + ", discount "
                            + c.discount().format() + (c.voucherCode() != null ? " (" + c.voucherCode() + ")" : "")
                            + ", total ",
                    "subtotal " + c.subtotal().format() + ", diskon "
                            + c.discount().format() + (c.voucherCode() != null ? " (" + c.voucherCode() + ")" : "")
                            + ", total ");
        } else {
            s += "total ";
        }
        s += c.total().format() + ".";
        if (c.voucherProblem() != null) s += " " + c.voucherProblem();
        return s;
    }

    // ------------------------------------------------------------------ vouchers

    private void vouchers(Turn turn) {
        ToolResult r = turn.call(tools.getVouchers(turn.ctx));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        List<VoucherOption> options = r.dataList(VoucherOption.class);
        if (options.isEmpty()) {
            turn.say(t(turn.lang, "There are no vouchers right now.", "Belum ada voucher saat ini."));
            return;
        }
        turn.say(t(turn.lang, "Vouchers you can use:", "Voucher yang tersedia:"));
        for (VoucherOption o : options) {
            String s = "• " + o.voucher().code() + " — " + o.voucher().description();
            if (o.applies() && o.discount() != null) {
                s += t(
                        turn.lang,
                        " (saves " + o.discount().format() + " on your cart)",
                        " (hemat " + o.discount().format() + " untuk keranjangmu)");
            } else if (o.voucher().minPurchase() != null
                    && !o.voucher().minPurchase().isZero()) {
                s += t(
                        turn.lang,
                        " (min. " + o.voucher().minPurchase().format() + ")",
                        " (min. " + o.voucher().minPurchase().format() + ")");
            }
            turn.say(s);
        }
        options.stream()
                .filter(VoucherOption::applies)
                .limit(2)
                .forEach(o -> turn.chips(t(
                        turn.lang,
                        "Use " + o.voucher().code(),
                        "Pakai " + o.voucher().code())));
    }

    private void applyVoucher(Turn turn, String code) {
        ToolResult r = turn.call(tools.applyVoucher(turn.ctx, code));
        if (!r.ok()) {
            String why = r.errorCode() == null ? "" : r.errorCode();
            String text = switch (why) {
                case "VOUCHER_UNKNOWN_CODE" ->
                    t(turn.lang, "There is no voucher " + code + ".", "Voucher " + code + " tidak ada.");
                case "VOUCHER_EXPIRED" ->
                    t(turn.lang, "Voucher " + code + " has expired.", "Voucher " + code + " sudah kedaluwarsa.");
                case "VOUCHER_NOT_YET_VALID" ->
                    t(turn.lang, "Voucher " + code + " is not valid yet.", "Voucher " + code + " belum berlaku.");
                case "VOUCHER_USAGE_LIMIT_REACHED" ->
                    t(turn.lang, "Voucher " + code + " has been used up.", "Kuota voucher " + code + " sudah habis.");
                case "VOUCHER_INACTIVE" ->
                    t(turn.lang, "Voucher " + code + " is not active.", "Voucher " + code + " tidak aktif.");
                case "VOUCHER_EMPTY_CART" ->
                    t(
                            turn.lang,
                            "Add something to your cart first, then apply " + code + ".",
                            "Tambahkan barang ke keranjang dulu, lalu pakai " + code + ".");
                case "VOUCHER_BELOW_MINIMUM_PURCHASE" ->
                    t(
                            turn.lang,
                            "Your cart is below the minimum purchase for " + code + minimum(r) + ".",
                            "Belanjaanmu belum mencapai minimum untuk " + code + minimum(r) + ".");
                case "ALREADY_APPLIED" -> t(turn.lang, code + " is already applied.", code + " sudah terpasang.");
                default -> null;
            };
            if (text == null) {
                unavailable(turn, r);
                return;
            }
            turn.say(text);
            turn.chips(t(turn.lang, "Show vouchers", "Lihat voucher"));
            return;
        }
        String discount = Money.of(Long.parseLong(r.proposal().params().getOrDefault("discount", "0")))
                .format();
        propose(
                turn,
                r.proposal(),
                t(
                        turn.lang,
                        "Apply voucher " + code + " (saves " + discount + ")? yes / no",
                        "Pakai voucher " + code + " (hemat " + discount + ")? ya / tidak"));
    }

    private static String minimum(ToolResult r) {
        if (r.data() instanceof VoucherOption o && o.voucher().minPurchase() != null) {
            return " (" + o.voucher().minPurchase().format() + ")";
        }
        return "";
    }

    private void removeVoucher(Turn turn) {
        ToolResult r = turn.call(tools.removeVoucher(turn.ctx));
        if (!r.ok()) {
            if ("NO_VOUCHER".equals(r.errorCode())) {
                turn.say(t(turn.lang, "No voucher is applied.", "Tidak ada voucher yang terpasang."));
                return;
            }
            unavailable(turn, r);
            return;
        }
        turn.say(t(turn.lang, "Voucher removed.", "Voucher sudah dilepas."));
        if (turn.cart != null) turn.say(cartSummary(turn.cart, turn.lang));
    }

    // ------------------------------------------------------------------ addresses, checkout, orders

    private void addresses(Turn turn) {
        ToolResult r = turn.call(tools.getAddresses(turn.ctx));
        if (!r.ok()) {
            if (signInNeeded(turn, r)) return;
            unavailable(turn, r);
            return;
        }
        List<Address> list = r.dataList(Address.class);
        if (list.isEmpty()) {
            turn.say(t(turn.lang, "You have no saved addresses yet.", "Belum ada alamat tersimpan."));
            return;
        }
        turn.say(t(turn.lang, "Your addresses:", "Alamat kamu:"));
        for (Address a : list) turn.say("• " + a.label() + ": " + a.oneLine());
        for (Address a : list) turn.chips(t(turn.lang, "Ship to " + a.label(), "Kirim ke " + a.label()));
    }

    private void checkout(Turn turn, String label) {
        ToolResult r = turn.call(tools.checkout(turn.ctx, blank(label) ? null : label));
        if (!r.ok()) {
            if (signInNeeded(turn, r)) return;
            switch (r.errorCode() == null ? "" : r.errorCode()) {
                case "EMPTY_CART" -> {
                    turn.say(t(
                            turn.lang,
                            "Your cart is empty: add something first.",
                            "Keranjang kamu kosong: tambahkan barang dulu."));
                    return;
                }
                case "ADDRESS_REQUIRED", "ADDRESS_NOT_FOUND" -> {
                    List<Address> all = r.dataList(Address.class);
                    turn.say(
                            "ADDRESS_NOT_FOUND".equals(r.errorCode())
                                    ? t(
                                            turn.lang,
                                            "I couldn't find an address called \"" + label + "\". Which address?",
                                            "Alamat \"" + label + "\" tidak ditemukan. Kirim ke alamat mana?")
                                    : t(turn.lang, "Which address should we ship to?", "Mau dikirim ke alamat mana?"));
                    for (Address a : all) {
                        turn.say("• " + a.label() + ": " + a.oneLine());
                        turn.chips(a.label());
                    }
                    turn.state.awaiting = ConversationState.Awaiting.ADDRESS;
                    return;
                }
                case "NO_ADDRESS" -> {
                    turn.say(t(
                            turn.lang,
                            "You have no saved address yet: please add one in your account first.",
                            "Belum ada alamat tersimpan: tambahkan alamat di akunmu dulu."));
                    return;
                }
                default -> {
                    unavailable(turn, r);
                    return;
                }
            }
        }
        ProposedAction a = r.proposal();
        Cart c = r.cart();
        propose(
                turn,
                a,
                t(
                        turn.lang,
                        "Checkout " + c.itemCount() + " items, " + c.total().format() + ", to "
                                + a.params().get("address_label") + "? yes / no",
                        "Checkout " + c.itemCount() + " barang, " + c.total().format() + ", kirim ke "
                                + a.params().get("address_label") + "? ya / tidak"));
    }

    private void orders(Turn turn) {
        ToolResult r = turn.call(tools.getOrders(turn.ctx));
        if (!r.ok()) {
            if (signInNeeded(turn, r)) return;
            unavailable(turn, r);
            return;
        }
        List<Order> list = r.dataList(Order.class);
        if (list.isEmpty()) {
            turn.say(t(turn.lang, "You have no orders yet.", "Belum ada pesanan."));
            return;
        }
        turn.say(t(turn.lang, "Your recent orders:", "Pesanan terakhirmu:"));
        for (Order o : list.subList(0, Math.min(5, list.size()))) {
            turn.say("• " + o.orderNumber() + " — " + status(o, turn.lang) + ", "
                    + o.total().format());
        }
        turn.chips(t(
                turn.lang,
                "Status of " + list.get(0).orderNumber(),
                "Status " + list.get(0).orderNumber()));
    }

    private void orderStatus(Turn turn, ParsedMessage m) {
        ToolResult r = turn.call(tools.getOrderDetails(turn.ctx, m.orderRef() == null ? "latest" : m.orderRef()));
        if (!r.ok()) {
            if (signInNeeded(turn, r)) return;
            if ("NOT_FOUND".equals(r.errorCode())) {
                turn.say(
                        m.orderRef() == null
                                ? t(turn.lang, "You have no orders yet.", "Belum ada pesanan.")
                                : t(
                                        turn.lang,
                                        "I couldn't find order " + m.orderRef() + " on your account.",
                                        "Pesanan " + m.orderRef() + " tidak ditemukan di akunmu."));
                return;
            }
            unavailable(turn, r);
            return;
        }
        Order o = r.dataList(Order.class).get(0);
        turn.say(t(
                turn.lang,
                "Order " + o.orderNumber() + " is " + status(o, turn.lang) + ", total "
                        + o.total().format() + ".",
                "Pesanan " + o.orderNumber() + " " + status(o, turn.lang) + ", total "
                        + o.total().format() + "."));
        for (OrderLine l : o.lines()) turn.say("• " + l.quantity() + " × " + l.productName());
    }

    private static String status(Order o, Lang lang) {
        return switch (o.status()) {
            case PENDING -> t(lang, "waiting for payment", "menunggu pembayaran");
            case PAID -> t(lang, "paid and being packed", "sudah dibayar dan sedang dikemas");
            case SHIPPED -> t(lang, "on its way", "sedang dikirim");
            case DELIVERED -> t(lang, "delivered", "sudah diterima");
            case CANCELLED -> t(lang, "cancelled", "dibatalkan");
        };
    }

    // ------------------------------------------------------------------ compare, gifts, help

    private void compare(Turn turn, ParsedMessage m) {
        List<Product> chosen = new ArrayList<>();
        List<Product> shown = turn.state.lastProducts;
        for (Ref ref : m.refs()) {
            if (ref.kind() == Ref.Kind.ALL) {
                chosen.addAll(shown.subList(0, Math.min(3, shown.size())));
            } else {
                Product p = pick(ref, turn.state);
                if (p != null && chosen.stream().noneMatch(x -> x.id() == p.id())) chosen.add(p);
            }
        }
        if (m.refs().isEmpty()) {
            for (String name : m.compareNames()) {
                List<String> words = IntentParser.mapSynonyms(List.of(name.split("\\s+")));
                ToolResult r = turn.call(tools.findProductByName(turn.ctx, String.join(" ", words)));
                if (r.ok() && !r.products().isEmpty()) {
                    Product p = r.products().get(0);
                    if (chosen.stream().noneMatch(x -> x.id() == p.id())) chosen.add(p);
                }
            }
            if (m.compareNames().isEmpty() && shown.size() >= 2) chosen.addAll(shown.subList(0, 2));
        }
        if (chosen.size() < 2) {
            turn.say(t(
                    turn.lang,
                    "Which two products should I compare? For example: \"compare the first and the second\".",
                    "Produk mana yang mau dibandingkan? Misalnya: \"bandingkan yang pertama dan kedua\"."));
            return;
        }
        ToolResult r = turn.call(
                tools.compareProducts(turn.ctx, chosen.stream().map(Product::id).toList()));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        List<Product> ps = r.products();
        turn.show(ps);
        turn.state.showProducts(ps);
        turn.say(t(turn.lang, "Side by side:", "Perbandingan:"));
        for (int i = 0; i < ps.size(); i++) {
            Product p = ps.get(i);
            turn.say((i + 1) + ". " + p.name() + " (" + p.brand() + ") — "
                    + p.price().format() + ", " + stockSentence(p.available(), p.lowStockThreshold(), turn.lang));
        }
        Product cheapest = ps.stream().min(Comparator.comparing(Product::price)).orElseThrow();
        Product priciest = ps.stream().max(Comparator.comparing(Product::price)).orElseThrow();
        if (cheapest.id() != priciest.id()) {
            turn.say(t(
                    turn.lang,
                    cheapest.name() + " is "
                            + priciest.price().minus(cheapest.price()).format() + " cheaper.",
                    cheapest.name() + " lebih murah "
                            + priciest.price().minus(cheapest.price()).format() + "."));
        }
        turn.chips(
                t(turn.lang, "Add the first one", "Tambah yang pertama"),
                t(turn.lang, "Add the second one", "Tambah yang kedua"));
    }

    private void gift(Turn turn, ParsedMessage m) {
        ToolResult r = turn.call(tools.getGiftSuggestions(turn.ctx, m.recipient(), m.maxPrice(), m.interests()));
        if (!r.ok()) {
            unavailable(turn, r);
            return;
        }
        if (r.products().isEmpty()) {
            turn.say(t(
                    turn.lang,
                    "I couldn't find gift ideas for that budget. Try a higher budget?",
                    "Belum ada ide hadiah untuk budget itu. Coba budget yang lebih tinggi?"));
            return;
        }
        String who = m.recipient() == null
                ? ""
                : " " + t(turn.lang, "for your " + m.recipient(), "untuk " + recipientId(m.recipient()));
        String budget = m.maxPrice() == null
                ? ""
                : t(turn.lang, " under ", " di bawah ") + Money.of(m.maxPrice()).format();
        turn.say(t(turn.lang, "Gift ideas" + who + budget + ":", "Ide hadiah" + who + budget + ":"));
        listProducts(turn, r.products());
        turn.state.showProducts(r.products());
        turn.show(r.products());
        turn.chips(
                t(turn.lang, "Add the first one", "Tambah yang pertama"),
                t(turn.lang, "Compare the first two", "Bandingkan yang 1 dan 2"));
    }

    private static String recipientId(String en) {
        return Lexicon.RECIPIENT_NAMES_ID.getOrDefault(en, en);
    }

    private void help(Turn turn) {
        turn.say(t(
                turn.lang,
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
        turn.chips(helpChips(turn.lang).toArray(String[]::new));
    }

    private static List<String> helpChips(Lang lang) {
        return lang == Lang.ID
                ? List.of("Lihat kategori", "Lihat keranjang", "Voucher apa saja?", "Panggil petugas")
                : List.of("Show categories", "View cart", "Any vouchers?", "Call a clerk");
    }

    // ------------------------------------------------------------------ proposals

    private void propose(Turn turn, ProposedAction proposal, String question) {
        ProposedAction worded = new ProposedAction(
                proposal.id(),
                proposal.kind(),
                question.replace("? yes / no", "?").replace("? ya / tidak", "?"),
                proposal.params());
        turn.state.pending = worded;
        turn.action = worded;
        turn.say(question);
        turn.chips(t(turn.lang, "Yes", "Ya"), t(turn.lang, "No", "Tidak"));
    }

    private String pendingReminder(Turn turn) {
        return t(
                turn.lang,
                "Still waiting for your answer: " + turn.state.pending.summary() + " (yes / no)",
                "Masih menunggu jawabanmu: " + turn.state.pending.summary() + " (ya / tidak)");
    }

    private void carryOut(Turn turn) {
        ProposedAction a = turn.state.pending;
        turn.state.pending = null;
        ToolResult r = turn.call(tools.execute(turn.ctx, a));
        if (!r.ok()) {
            if ("CART_CHANGED".equals(r.errorCode()) && r.proposal() != null) {
                turn.say(t(turn.lang, "Your cart changed in the meantime.", "Keranjangmu berubah sementara itu."));
                Cart c = r.cart();
                propose(
                        turn,
                        r.proposal(),
                        t(
                                turn.lang,
                                "Checkout " + c.itemCount() + " items, "
                                        + c.total().format() + ", to "
                                        + r.proposal().params().get("address_label") + "? yes / no",
                                "Checkout " + c.itemCount() + " barang, "
                                        + c.total().format() + ", kirim ke "
                                        + r.proposal().params().get("address_label") + "? ya / tidak"));
                return;
            }
            if (r.data() instanceof InsufficientStockException e) {
                turn.say(t(
                        turn.lang,
                        "Sorry, " + e.getMessage() + ". Nothing was ordered; please adjust your cart.",
                        "Maaf, stok " + e.productName() + " tidak cukup (tersisa " + e.available()
                                + "). Belum ada pesanan; silakan ubah keranjangmu."));
                return;
            }
            if ("NO_PROPOSAL".equals(r.errorCode())) {
                turn.say(t(
                        turn.lang,
                        "That request has expired, so nothing was changed. Please ask again.",
                        "Permintaan itu sudah kedaluwarsa, jadi tidak ada yang diubah. Silakan ulangi."));
                return;
            }
            if (r.errorCode() != null && r.errorCode().startsWith("VOUCHER_")) {
                turn.say(t(
                        turn.lang,
                        "The voucher could not be applied: " + r.forModel(),
                        "Voucher tidak bisa dipakai: " + r.forModel()));
                return;
            }
            unavailable(turn, r);
            return;
        }
        switch (a.kind()) {
            case CHECKOUT -> {
                Order o = r.dataList(Order.class).get(0);
                turn.say(t(
                        turn.lang,
                        "Done! Order " + o.orderNumber() + " is placed: "
                                + o.total().format() + ", shipping to "
                                + a.params().get("address_label") + ". Thank you!",
                        "Beres! Pesanan " + o.orderNumber() + " sudah dibuat: "
                                + o.total().format() + ", dikirim ke "
                                + a.params().get("address_label") + ". Terima kasih!"));
                turn.chips(t(turn.lang, "Order status", "Status pesanan"));
            }
            case APPLY_VOUCHER -> {
                turn.say(t(
                        turn.lang,
                        "Voucher " + a.params().get("code") + " applied.",
                        "Voucher " + a.params().get("code") + " sudah dipakai."));
                if (turn.cart != null) turn.say(cartSummary(turn.cart, turn.lang));
                turn.chips(t(turn.lang, "Checkout", "Checkout"));
            }
            case CLEAR_CART -> turn.say(t(turn.lang, "Your cart is now empty.", "Keranjang sudah dikosongkan."));
        }
    }

    private void cancelPending(Turn turn) {
        turn.state.pending = null;
        turn.say(t(turn.lang, "Okay, I haven't changed anything.", "Oke, tidak ada yang diubah."));
    }

    // ------------------------------------------------------------------ references

    /** The product a message points at; says why not (and returns null) when it cannot tell. */
    private Product resolveProduct(Turn turn, ParsedMessage m) {
        ConversationState st = turn.state;
        Ref ref = m.ref();
        if (ref != null && ref.kind() != Ref.Kind.THAT && ref.kind() != Ref.Kind.ALL) {
            Product p = pick(ref, st);
            if (p != null) return p;
            if (ref.kind() == Ref.Kind.ORDINAL && !st.lastProducts.isEmpty()) {
                turn.say(t(
                        turn.lang,
                        "There are only " + st.lastProducts.size() + " in the list.",
                        "Daftarnya hanya ada " + st.lastProducts.size() + "."));
                listProducts(turn, st.lastProducts);
                return null;
            }
            if (ref.kind() != Ref.Kind.BRAND) {
                turn.say(t(
                        turn.lang,
                        "Which product do you mean? Search for something first, e.g. \"headphones\".",
                        "Produk yang mana? Cari dulu, misalnya \"sepatu lari\"."));
                return null;
            }
        }
        if (!blank(m.name()) || m.brand() != null) {
            String text = lookupText(m);
            ToolResult r = turn.call(tools.findProductByName(turn.ctx, text));
            if (!r.ok()) {
                unavailable(turn, r);
                return null;
            }
            List<Product> found = r.products();
            if (found.isEmpty() && !blank(m.name()) && !m.name().equals(text)) {
                found = turn.call(tools.findProductByName(turn.ctx, m.name())).products();
            }
            if (found.isEmpty()) {
                turn.say(t(
                        turn.lang,
                        "I couldn't find a product called \"" + text + "\".",
                        "Saya tidak menemukan produk \"" + text + "\"."));
                return null;
            }
            Product best = clearWinner(found, text);
            if (best != null) return best;
            turn.say(t(turn.lang, "Which one do you mean?", "Yang mana maksudnya?"));
            List<Product> options = found.subList(0, Math.min(SHOW, found.size()));
            listProducts(turn, options);
            st.showProducts(options);
            turn.show(options);
            turn.chips(t(turn.lang, "The first one", "Yang pertama"), t(turn.lang, "The second one", "Yang kedua"));
            return null;
        }
        if (st.focus != null) return st.focus;
        if (st.lastProducts.size() == 1) return st.lastProducts.get(0);
        turn.say(t(
                turn.lang,
                "Which product do you mean? Say \"the first one\" or its name.",
                "Produk yang mana? Sebut \"yang pertama\" atau namanya."));
        if (!st.lastProducts.isEmpty()) listProducts(turn, st.lastProducts);
        return null;
    }

    private static Product pick(Ref ref, ConversationState st) {
        List<Product> shown = st.lastProducts;
        return switch (ref.kind()) {
            case ORDINAL -> ref.index() >= 1 && ref.index() <= shown.size() ? shown.get(ref.index() - 1) : null;
            case LAST -> shown.isEmpty() ? null : shown.get(shown.size() - 1);
            case CHEAPEST ->
                shown.stream().min(Comparator.comparing(Product::price)).orElse(null);
            case PRICIEST ->
                shown.stream().max(Comparator.comparing(Product::price)).orElse(null);
            case BRAND -> {
                if (st.focus != null && st.focus.brand().equalsIgnoreCase(ref.brand())) yield st.focus;
                yield shown.stream()
                        .filter(p -> p.brand().equalsIgnoreCase(ref.brand()))
                        .findFirst()
                        .orElse(null);
            }
            case THAT -> st.focus != null ? st.focus : shown.size() == 1 ? shown.get(0) : null;
            case ALL -> null;
        };
    }

    /** The one product whose name holds every word typed, when exactly one does (or only one came back). */
    private static Product clearWinner(List<Product> found, String text) {
        if (found.size() == 1) return found.get(0);
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("\\s+"));
        List<Product> full = found.stream()
                .filter(p -> {
                    String hay = (p.brand() + " " + p.name()).toLowerCase(Locale.ROOT);
                    return words.stream().allMatch(hay::contains);
                })
                .toList();
        if (full.size() == 1) return full.get(0);
        // the same product in different variants is not worth a question: the first is the best match
        String first = found.get(0).name().toLowerCase(Locale.ROOT);
        String exact = text.toLowerCase(Locale.ROOT);
        if (first.equals(exact) || (found.get(0).brand() + " " + found.get(0).name()).equalsIgnoreCase(text)) {
            return found.get(0);
        }
        return null;
    }

    /** Words to look a product up by: brand plus the English form of what was typed. */
    private static String lookupText(ParsedMessage m) {
        List<String> parts = new ArrayList<>();
        if (m.brand() != null) parts.add(m.brand());
        if (!blank(m.query())) parts.add(m.query());
        String s = String.join(" ", parts).trim();
        return s.isEmpty() ? (m.name() == null ? "" : m.name()) : s;
    }

    // ------------------------------------------------------------------ small things

    private boolean signInNeeded(Turn turn, ToolResult r) {
        if (!"SIGN_IN_REQUIRED".equals(r.errorCode())) return false;
        turn.say(t(
                turn.lang,
                "Please sign in first: then I can show your addresses and orders and check out.",
                "Silakan masuk (sign in) dulu: setelah itu saya bisa tampilkan alamat dan pesanan, dan checkout."));
        turn.chips(t(turn.lang, "Call a clerk", "Panggil petugas"));
        return true;
    }

    private void unavailable(Turn turn, ToolResult r) {
        if ("UNAVAILABLE".equals(r.errorCode())) {
            turn.say(t(
                    turn.lang,
                    "The store system is not answering right now. Please try again in a moment.",
                    "Sistem toko sedang tidak merespons. Silakan coba lagi sebentar lagi."));
        } else {
            turn.say(t(
                    turn.lang,
                    "Sorry, that didn't work: " + r.forModel(),
                    "Maaf, itu tidak berhasil: " + r.forModel()));
        }
    }

    private void refreshVocabulary(ChatContext ctx) {
        long now = System.nanoTime();
        if (vocabularyLoadedAt != Long.MIN_VALUE && now - vocabularyLoadedAt < VOCABULARY_TTL.toNanos()) return;
        synchronized (vocabularyLock) {
            if (vocabularyLoadedAt != Long.MIN_VALUE && now - vocabularyLoadedAt < VOCABULARY_TTL.toNanos()) return;
            try {
                ToolResult cats = tools.getCategories(ctx);
                ToolResult brands = tools.getBrands(ctx);
                if (cats.ok() && brands.ok()) {
                    Map<String, String> c = new LinkedHashMap<>();
                    for (Category x : cats.dataList(Category.class)) c.put(x.name(), x.nameId());
                    List<String> b = brands.dataList(Brand.class).stream()
                            .map(Brand::name)
                            .toList();
                    parser = new IntentParser(new Vocabulary(b, c));
                    vocabularyLoadedAt = now;
                } else {
                    vocabularyLoadedAt = now
                            - VOCABULARY_TTL.toNanos()
                            + Duration.ofSeconds(30).toNanos();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not load the store vocabulary; parsing without it for now", e);
                vocabularyLoadedAt =
                        now - VOCABULARY_TTL.toNanos() + Duration.ofSeconds(30).toNanos();
            }
        }
    }

    static String t(Lang lang, String en, String id) {
        return lang == Lang.ID ? id : en;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package com.shopassist.ai.catalog;

import static com.shopassist.ai.dialog.Replies.blank;

import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Ref;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.dialog.Synonyms;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.LowestPriceInStock;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The offline assistant's catalog intents: search, product details, categories, brands, compare. */
public final class CatalogDialog implements IntentHandler {

    private static final int MAX_BRANDS = 30;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.SEARCH, Intent.PRODUCT_DETAILS, Intent.CATEGORIES, Intent.BRANDS, Intent.COMPARE);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        switch (m.intent()) {
            case SEARCH -> search(turn, m);
            case PRODUCT_DETAILS -> details(turn, m);
            case CATEGORIES -> categories(turn);
            case BRANDS -> brands(turn);
            case COMPARE -> compare(turn, m);
            default -> throw new IllegalArgumentException(m.intent().name());
        }
    }

    // ------------------------------------------------------------------ search

    private void search(DialogTurn turn, ParsedMessage m) {
        ParsedMessage q = m;
        boolean refine = blank(m.query()) && m.brand() == null && m.category() == null;
        ParsedMessage last = turn.state().lastSearch();
        if (refine && last != null) {
            boolean priced = m.minPrice() != null || m.maxPrice() != null;
            q = new ParsedMessage(
                    Intent.SEARCH,
                    m.lang(),
                    last.query(),
                    last.name(),
                    last.brand(),
                    last.category(),
                    priced ? m.minPrice() : last.minPrice(),
                    priced ? m.maxPrice() : last.maxPrice(),
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
                    last.shown(),
                    List.of(),
                    "");
        }
        String query = blank(q.query()) ? null : q.query();
        // "something to clean the floor": the verb the keyword query dropped carries the meaning
        if (!blank(q.phrase()) && (query == null || q.phrase().split(" ").length > query.split(" ").length)) {
            query = q.phrase();
        }
        String ask = blank(q.ask()) ? null : q.ask();
        ToolResult r = search(turn, query, ask, q.category(), q.brand(), q);
        // the category may be a guess ("food" for "dog food"): the words alone come next
        if (r.ok() && r.products().isEmpty() && q.category() != null && query != null) {
            r = search(turn, query, ask, null, q.brand(), q);
        }
        // "footwear under 500k": the category's own name is rarely in product names, so browse it
        if (r.ok() && r.products().isEmpty() && q.category() != null && query != null) {
            r = search(turn, null, null, q.category(), q.brand(), q);
        }
        if (r.ok() && r.products().isEmpty() && q.brand() != null && query != null) {
            r = search(turn, q.brand() + " " + query, ask, q.category(), null, q);
        }
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        turn.state().lastSearch(q);
        String what = describe(q, turn.lang());
        if (r.products().isEmpty()) {
            turn.say(turn.t(
                    "I couldn't find " + what + ". Try other words, a wider price range, or browse the categories.",
                    "Saya tidak menemukan " + what
                            + ". Coba kata lain, rentang harga yang lebih luas, atau lihat kategori."));
            turn.chips(turn.t("Show categories", "Lihat kategori"), turn.t("Help", "Bantuan"));
            return;
        }
        List<Product> found = availableFirst(r.products(), q.sort());
        turn.state().showProducts(found);
        turn.show(found);
        turn.say(turn.t("Here is what I found for " + what + ":", "Ini hasil untuk " + what + ":"));
        Replies.listProducts(turn, found);
        turn.chips(turn.t("Add the first one", "Tambah yang pertama"));
        if (r.products().size() >= 2) turn.chips(turn.t("Compare the first two", "Bandingkan yang 1 dan 2"));
        if (!"price_asc".equals(q.sort())) turn.chips(turn.t("Cheaper ones", "Yang lebih murah"));
        turn.chips(turn.t("Tell me about the first one", "Detail yang pertama"));
    }

    private static ToolResult search(
            DialogTurn turn, String query, String ask, String category, String brand, ParsedMessage q) {
        return turn.call(
                SearchProductsTool.NAME,
                Args.of(
                        "query",
                        query,
                        "meaning",
                        ask,
                        "category",
                        category,
                        "brand",
                        brand,
                        "min_price",
                        q.minPrice(),
                        "max_price",
                        q.maxPrice(),
                        "sort",
                        q.sort(),
                        "limit",
                        Replies.SHOW));
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
        String s = parts.isEmpty() ? lang.pick("products", "produk") : String.join(" ", parts);
        if (q.minPrice() != null && q.maxPrice() != null) {
            s += lang.pick(" between ", " antara ")
                    + Money.of(q.minPrice()).format()
                    + lang.pick(" and ", " dan ")
                    + Money.of(q.maxPrice()).format();
        } else if (q.maxPrice() != null) {
            s += lang.pick(" under ", " di bawah ") + Money.of(q.maxPrice()).format();
        } else if (q.minPrice() != null) {
            s += lang.pick(" over ", " di atas ") + Money.of(q.minPrice()).format();
        }
        if ("price_asc".equals(q.sort())) s += lang.pick(", cheapest first", ", termurah dulu");
        if ("price_desc".equals(q.sort())) s += lang.pick(", priciest first", ", termahal dulu");
        if ("newest".equals(q.sort())) s += lang.pick(", newest first", ", terbaru dulu");
        return s;
    }

    // ------------------------------------------------------------------ details, categories, brands

    private void details(DialogTurn turn, ParsedMessage m) {
        Product p = ProductResolver.resolve(turn, m);
        if (p == null) return;
        ToolResult r = turn.call(ProductDetailsTool.NAME, Args.of("product_id", p.id()));
        if (!r.ok() || r.products().isEmpty()) {
            Replies.unavailable(turn, r);
            return;
        }
        Product d = r.products().get(0);
        turn.state().focus(d);
        turn.show(List.of(d));
        turn.say(d.name() + " (" + d.brand() + ") — " + d.price().format());
        turn.say(Replies.stockSentence(d.available(), d.lowStockThreshold(), turn.lang()));
        if (!blank(d.description())) turn.say(d.description());
        turn.chips(
                turn.t("Add to cart", "Tambah ke keranjang"),
                turn.t("Is it in stock?", "Stoknya ada?"),
                turn.t("Show similar", "Yang mirip"));
    }

    private void categories(DialogTurn turn) {
        ToolResult r = turn.call(CategoriesTool.NAME, Args.none());
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        List<Category> cats = r.dataList(Category.class);
        turn.say(turn.t("We have these categories:", "Kategori kami:"));
        for (Category c : cats) turn.say("• " + name(c, turn.lang()) + " (" + c.productCount() + ")");
        for (Category c : cats.subList(0, Math.min(3, cats.size()))) turn.chips(name(c, turn.lang()));
    }

    private static String name(Category c, Lang lang) {
        return lang == Lang.ID && c.nameId() != null ? c.nameId() : c.name();
    }

    private void brands(DialogTurn turn) {
        ToolResult r = turn.call(BrandsTool.NAME, Args.none());
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        List<Brand> brands = r.dataList(Brand.class).stream()
                .sorted(Comparator.comparingLong(Brand::productCount).reversed())
                .toList();
        List<String> names = brands.stream().limit(MAX_BRANDS).map(Brand::name).toList();
        int more = brands.size() - MAX_BRANDS;
        turn.say(turn.t("Brands we carry: ", "Merek yang kami jual: ")
                + String.join(", ", names)
                + (more > 0 ? turn.t(", and " + more + " more.", ", dan " + more + " lainnya.") : "."));
        for (String b : names.subList(0, Math.min(3, names.size()))) turn.chips(b);
    }

    // ------------------------------------------------------------------ compare

    private void compare(DialogTurn turn, ParsedMessage m) {
        List<Product> chosen = new ArrayList<>();
        List<Product> shown = turn.state().lastProducts();
        for (Ref ref : m.refs()) {
            if (ref.kind() == Ref.Kind.ALL) {
                chosen.addAll(shown.subList(0, Math.min(3, shown.size())));
            } else {
                Product p = ProductResolver.pick(ref, turn.state());
                if (p != null && chosen.stream().noneMatch(x -> x.id() == p.id())) chosen.add(p);
            }
        }
        if (m.refs().isEmpty()) {
            for (String name : m.compareNames()) {
                List<String> words = Synonyms.map(List.of(name.split("\\s+")));
                ToolResult r = turn.call(FindProductByNameTool.NAME, Args.of("name", String.join(" ", words)));
                if (r.ok() && !r.products().isEmpty()) {
                    Product p = r.products().get(0);
                    if (chosen.stream().noneMatch(x -> x.id() == p.id())) chosen.add(p);
                }
            }
            if (m.compareNames().isEmpty() && shown.size() >= 2) chosen.addAll(shown.subList(0, 2));
        }
        if (chosen.size() < 2) {
            turn.say(turn.t(
                    "Which two products should I compare? For example: \"compare the first and the second\".",
                    "Produk mana yang mau dibandingkan? Misalnya: \"bandingkan yang pertama dan kedua\"."));
            return;
        }
        ToolResult r = turn.call(
                CompareProductsTool.NAME,
                Args.of("product_ids", chosen.stream().map(Product::id).toList()));
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        List<Product> ps = r.products();
        turn.show(ps);
        turn.state().showProducts(ps);
        turn.say(turn.t("Side by side:", "Perbandingan:"));
        for (int i = 0; i < ps.size(); i++) {
            Product p = ps.get(i);
            turn.say((i + 1) + ". " + p.name() + " (" + p.brand() + ") — "
                    + p.price().format() + ", "
                    + Replies.stockSentence(p.available(), p.lowStockThreshold(), turn.lang()));
        }
        sayLowestInStock(turn, ps);
        turn.chips(
                turn.t("Add the first one", "Tambah yang pertama"), turn.t("Add the second one", "Tambah yang kedua"));
    }

    /**
     * Which is the better price, by the rule the compare screen shows: the cheapest that can be
     * bought, and a cheaper one that is sold out named as such, never recommended.
     */
    private static void sayLowestInStock(DialogTurn turn, List<Product> ps) {
        List<Product> buyable = LowestPriceInStock.buyable(ps);
        if (buyable.isEmpty()) {
            turn.say(turn.t("None of them is in stock right now.", "Semuanya sedang habis."));
            return;
        }
        Set<Long> lowest = LowestPriceInStock.among(ps);
        List<Product> best =
                buyable.stream().filter(p -> lowest.contains(p.id())).toList();
        Product priciest =
                buyable.stream().max(Comparator.comparing(Product::price)).orElseThrow();
        boolean allInStock = buyable.size() == ps.size();
        if (buyable.size() == 1) {
            Product only = buyable.get(0);
            turn.say(turn.t("Only " + only.name() + " is in stock.", "Hanya " + only.name() + " yang tersedia."));
        } else if (best.size() == 1) {
            Product b = best.get(0);
            String gap = priciest.price().minus(b.price()).format();
            turn.say(
                    allInStock
                            ? turn.t(
                                    b.name() + " is " + gap + " cheaper than " + priciest.name() + ".",
                                    b.name() + " lebih murah " + gap + " dari " + priciest.name() + ".")
                            : turn.t(
                                    b.name() + " has the lowest price in stock, " + gap + " less than "
                                            + priciest.name() + ".",
                                    b.name() + " termurah di antara yang tersedia, " + gap + " lebih murah dari "
                                            + priciest.name() + "."));
        } else if (best.size() > 1) {
            List<String> names = best.stream().map(Product::name).toList();
            String en = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            String id = String.join(", ", names.subList(0, names.size() - 1)) + " dan " + names.get(names.size() - 1);
            turn.say(turn.t(
                    en + " share the lowest price in stock.", id + " sama-sama termurah di antara yang tersedia."));
        }
        Money floor = buyable.stream()
                .map(Product::price)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        for (Product p : ps) {
            if (p.stockBadge() == StockBadge.SOLD_OUT && p.price().compareTo(floor) < 0) {
                turn.say(turn.t(
                        p.name() + " costs less but is sold out.", p.name() + " lebih murah, tetapi stoknya habis."));
            }
        }
    }
}

package com.shopassist.ai.catalog;

import static com.shopassist.ai.tool.ToolResults.blankToNull;
import static com.shopassist.ai.tool.ToolResults.clamp;
import static com.shopassist.ai.tool.ToolResults.clip;
import static com.shopassist.ai.tool.ToolResults.firstWords;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.common.Page;
import com.shopassist.core.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * search_products: keywords with filters. Prices in whole rupiah; sort is relevance, price_asc,
 * price_desc or newest. Beside the declared arguments it reads {@code meaning} (the ask in natural
 * words, for meaning-based ranking), {@code in_stock_only} and {@code limit} (default 5, at most 20).
 */
public final class SearchProductsTool extends ShopTool {

    public static final String NAME = "search_products";
    /** What an answer shows; more would be paid for on every later model call. */
    public static final int DEFAULT_LIMIT = 5;

    static final int MAX_QUERY_WORDS = 8;

    public SearchProductsTool() {
        super(ToolSpec.of(
                        NAME,
                        "Search the catalog. Prices in rupiah.",
                        ToolSpec.params()
                                .addStringProperty("query", "keywords")
                                .addStringProperty("category")
                                .addStringProperty("brand")
                                .addIntegerProperty("min_price")
                                .addIntegerProperty("max_price")
                                .addEnumProperty("sort", List.of("relevance", "price_asc", "price_desc", "newest"))
                                .build())
                .offeredEveryTurn());
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        int size = clamp(a.integer("limit"), DEFAULT_LIMIT, 1, 20);
        String text = firstWords(blankToNull(clip(a.str("query"), 200)), MAX_QUERY_WORDS);
        Long minPrice = a.lng("min_price");
        Long maxPrice = a.lng("max_price");
        Category cat = a.str("category") == null
                ? null
                : Categories.resolve(s.catalog(), a.str("category")).orElse(null);
        ProductQuery q = new ProductQuery(
                text,
                cat == null ? null : cat.id(),
                a.str("brand"),
                null,
                minPrice == null || minPrice < 0 ? null : Money.of(minPrice),
                maxPrice == null || maxPrice < 0 ? null : Money.of(maxPrice),
                Boolean.TRUE.equals(a.bool("in_stock_only")),
                sortOf(a.str("sort")),
                1,
                size);
        Page<Product> page = s.search().search(q, blankToNull(clip(a.str("meaning"), 300)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", ToolJson.total(page));
        if (cat != null) m.put("category", cat.name());
        m.put("products", ToolJson.products(page.items()));
        return ToolResults.ok(NAME, ToolJson.write(m), page.items(), null, null, null);
    }

    static ProductSort sortOf(String s) {
        if (s == null) return ProductSort.RELEVANCE;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "price_asc", "cheapest", "price" -> ProductSort.PRICE_ASC;
            case "price_desc" -> ProductSort.PRICE_DESC;
            case "newest" -> ProductSort.NEWEST;
            default -> ProductSort.RELEVANCE;
        };
    }
}

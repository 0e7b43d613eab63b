package com.shopassist.ai.catalog;

import static com.shopassist.ai.tool.ToolResults.clip;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.LowestPriceInStock;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.money.Money;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * compare_products: two to four products side by side, with the lowest price among those in stock
 * ({@link LowestPriceInStock}), the sold-out ones and the price gap.
 */
public final class CompareProductsTool extends ShopTool {

    public static final String NAME = "compare_products";

    public CompareProductsTool() {
        super(ToolSpec.of(
                NAME,
                "Compare 2-4 products side by side: the lowest price among those in stock (empty when there is nothing to point out), which are sold out (never recommend those), the price gap between those in stock.",
                ToolSpec.params()
                        .addProperty(
                                "product_ids",
                                JsonArraySchema.builder()
                                        .items(new JsonIntegerSchema())
                                        .build())
                        .required("product_ids")
                        .build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(a.ids("product_ids")));
        if (ids.size() < 2) return ToolResults.fail(NAME, "VALIDATION", "Give two to four products to compare.");
        if (ids.size() > 4) ids = ids.subList(0, 4);
        List<Product> ps = s.catalog().products(ids);
        if (ps.size() < 2) return ToolResults.fail(NAME, "NOT_FOUND", "Fewer than two of those products exist.");
        List<Object> rows = new ArrayList<>();
        for (Product p : ps) {
            Map<String, Object> m = ToolJson.product(p);
            m.put("description", clip(p.description(), 240));
            rows.add(m);
        }
        // the lowest price worth pointing out is among what can be bought: a model told the
        // cheapest overall would recommend a sold-out product
        List<Long> lowest = LowestPriceInStock.among(ps).stream().sorted().toList();
        List<Long> soldOut = ps.stream()
                .filter(p -> p.stockBadge() == StockBadge.SOLD_OUT)
                .map(Product::id)
                .toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("products", rows);
        m.put("lowest_price_in_stock_ids", lowest);
        m.put("sold_out_ids", soldOut);
        // the gap a shopper can act on: between the products that can be bought, none when fewer than two can
        List<Money> buyable =
                LowestPriceInStock.buyable(ps).stream().map(Product::price).toList();
        if (buyable.size() >= 2) {
            m.put(
                    "price_difference",
                    buyable.stream()
                            .max(Money::compareTo)
                            .orElseThrow()
                            .minus(buyable.stream().min(Money::compareTo).orElseThrow())
                            .toLong());
        }
        return ToolResults.ok(NAME, ToolJson.write(m), ps, null, null, null);
    }
}

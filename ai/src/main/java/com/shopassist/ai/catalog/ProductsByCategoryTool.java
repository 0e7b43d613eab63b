package com.shopassist.ai.catalog;

import static com.shopassist.ai.tool.ToolResults.clamp;
import static com.shopassist.ai.tool.ToolResults.clip;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.common.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** get_products_by_category: a category's products; the category by name (English or Indonesian, typos tolerated) or id. */
public final class ProductsByCategoryTool extends ShopTool {

    public static final String NAME = "get_products_by_category";

    public ProductsByCategoryTool() {
        super(ToolSpec.of(
                NAME,
                "Products in a category (name or id).",
                ToolSpec.params()
                        .addStringProperty("category")
                        .required("category")
                        .build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        String category = a.requiredStr("category");
        Optional<Category> c = Categories.resolve(s.catalog(), category);
        if (c.isEmpty()) {
            return ToolResults.fail(
                    NAME,
                    "NOT_FOUND",
                    "No category called \"" + clip(category, 60) + "\". Call get_categories for the list.");
        }
        int size = clamp(a.integer("limit"), SearchProductsTool.DEFAULT_LIMIT, 1, 20);
        Page<Product> page = s.catalog().productsByCategory(c.get().id(), 1, size);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", c.get().name());
        m.put("total", ToolJson.total(page));
        m.put("products", ToolJson.products(page.items()));
        return ToolResults.ok(NAME, ToolJson.write(m), page.items(), null, null, c.get());
    }
}

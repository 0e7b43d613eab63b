package com.shopassist.ai.catalog;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ChatContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** get_product_details: one product with its description and stock status. */
public final class ProductDetailsTool extends ShopTool {

    public static final String NAME = "get_product_details";

    public ProductDetailsTool() {
        super(ToolSpec.of(NAME, "Full details of one product.", ToolSpec.productIdOnly())
                .offeredEveryTurn());
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        long productId = a.requiredLong("product_id");
        Optional<Product> p = s.catalog().product(productId);
        if (p.isEmpty()) return ToolResults.fail(NAME, "NOT_FOUND", "No product with id " + productId + ".");
        Map<String, Object> m = ToolJson.product(p.get());
        m.put("description", p.get().description());
        m.put("stock_status", p.get().stockBadge().name().toLowerCase(Locale.ROOT));
        return ToolResults.ok(NAME, ToolJson.write(m), List.of(p.get()), null, null, null);
    }
}

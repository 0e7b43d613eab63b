package com.shopassist.ai.stock;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.stock.StockLevel;
import java.util.List;
import java.util.Optional;

/** check_stock: units available now (stock minus live holds) of one product. */
public final class CheckStockTool extends ShopTool {

    public static final String NAME = "check_stock";

    public CheckStockTool() {
        super(ToolSpec.of(NAME, "Units available now.", ToolSpec.productIdOnly()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        long productId = a.requiredLong("product_id");
        Optional<StockLevel> level = s.stock().stock(productId);
        if (level.isEmpty()) return ToolResults.fail(NAME, "NOT_FOUND", "No product with id " + productId + ".");
        List<Product> p = s.catalog().products(List.of(productId));
        return ToolResults.ok(NAME, ToolJson.write(ToolJson.stock(level.get())), p, null, null, level.get());
    }
}

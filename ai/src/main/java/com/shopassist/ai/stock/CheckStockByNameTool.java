package com.shopassist.ai.stock;

import static com.shopassist.ai.tool.ToolResults.clip;
import static com.shopassist.ai.tool.ToolResults.firstWords;

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
import java.util.Map;

/** check_stock_by_name: units available now of the (up to three) products best matching a name. */
public final class CheckStockByNameTool extends ShopTool {

    public static final String NAME = "check_stock_by_name";
    private static final int MATCHES = 3;
    private static final int MAX_NAME_WORDS = 8;

    public CheckStockByNameTool() {
        super(ToolSpec.of(
                NAME,
                "Units available now, by product name.",
                ToolSpec.params().addStringProperty("name").required("name").build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        String n = firstWords(clip(a.requiredStr("name"), 200), MAX_NAME_WORDS);
        List<StockLevel> levels = s.stock().stockByName(n, MATCHES);
        List<Product> ps =
                s.catalog().products(levels.stream().map(StockLevel::productId).toList());
        Map<String, Object> m =
                Map.of("matches", levels.stream().map(ToolJson::stock).toList());
        return ToolResults.ok(NAME, ToolJson.write(m), ps, null, null, levels);
    }
}

package com.shopassist.ai.catalog;

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
import java.util.List;
import java.util.Map;

/** find_product_by_name: best matches for (part of) a product name, typos tolerated. */
public final class FindProductByNameTool extends ShopTool {

    public static final String NAME = "find_product_by_name";
    private static final int MATCHES = 5;

    public FindProductByNameTool() {
        super(ToolSpec.of(
                NAME,
                "Find a product by (part of) its name.",
                ToolSpec.params().addStringProperty("name").required("name").build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        String n = firstWords(clip(a.requiredStr("name"), 200), SearchProductsTool.MAX_QUERY_WORDS);
        List<Product> found = s.catalog().findByName(n, MATCHES);
        return ToolResults.ok(
                NAME, ToolJson.write(Map.of("products", ToolJson.products(found))), found, null, null, null);
    }
}

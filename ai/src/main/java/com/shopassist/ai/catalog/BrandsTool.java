package com.shopassist.ai.catalog;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.Brand;
import com.shopassist.core.chat.ChatContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** get_brands: the store's brands (the first 150 names for the model; all of them as data). */
public final class BrandsTool extends ShopTool {

    public static final String NAME = "get_brands";
    private static final int MAX_NAMES = 150;

    public BrandsTool() {
        super(ToolSpec.of(NAME, "List brands.", null));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        List<Brand> brands = s.catalog().brands();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", brands.size());
        m.put("brands", brands.stream().limit(MAX_NAMES).map(Brand::name).toList());
        return ToolResults.ok(NAME, ToolJson.write(m), List.of(), null, null, brands);
    }
}

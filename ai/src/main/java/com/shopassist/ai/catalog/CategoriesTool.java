package com.shopassist.ai.catalog;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.chat.ChatContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** get_categories: every category with its Indonesian name and product count. */
public final class CategoriesTool extends ShopTool {

    public static final String NAME = "get_categories";

    public CategoriesTool() {
        super(ToolSpec.of(NAME, "List product categories.", null));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        List<Category> cats = s.catalog().categories();
        List<Object> rows = new ArrayList<>();
        for (Category c : cats) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("name_id", c.nameId());
            m.put("products", c.productCount());
            rows.add(m);
        }
        return ToolResults.ok(NAME, ToolJson.write(Map.of("categories", rows)), List.of(), null, null, cats);
    }
}

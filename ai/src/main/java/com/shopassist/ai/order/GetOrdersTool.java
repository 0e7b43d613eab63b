package com.shopassist.ai.order;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.common.Page;
import com.shopassist.core.order.Order;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** get_orders: the signed-in customer's ten most recent orders; a guest is asked to sign in. */
public final class GetOrdersTool extends ShopTool {

    public static final String NAME = "get_orders";
    private static final int RECENT = 10;

    public GetOrdersTool() {
        super(ToolSpec.of(NAME, "The shopper's recent orders.", null));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        if (ctx.isGuest()) return ToolResults.signIn(NAME);
        Page<Order> page = s.orders().orders(ctx.customerId(), 1, RECENT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", page.total());
        m.put(
                "orders",
                page.items().stream()
                        .map(o -> (Object) ToolJson.order(o, false))
                        .toList());
        return ToolResults.ok(NAME, ToolJson.write(m), List.of(), null, null, page.items());
    }
}

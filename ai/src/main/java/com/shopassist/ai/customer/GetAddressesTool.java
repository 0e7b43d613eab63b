package com.shopassist.ai.customer;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.customer.Address;
import java.util.List;
import java.util.Map;

/** get_addresses: the signed-in customer's saved addresses; a guest is asked to sign in. */
public final class GetAddressesTool extends ShopTool {

    public static final String NAME = "get_addresses";

    public GetAddressesTool() {
        super(ToolSpec.of(NAME, "The shopper's saved addresses.", null));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        if (ctx.isGuest()) return ToolResults.signIn(NAME);
        List<Address> list = s.customers().addresses(ctx.customerId());
        Map<String, Object> m =
                Map.of("addresses", list.stream().map(ToolJson::address).toList());
        return ToolResults.ok(NAME, ToolJson.write(m), List.of(), null, null, list);
    }
}

package com.shopassist.ai.order;

import static com.shopassist.ai.tool.ToolResults.clip;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderNumbers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * get_order_details: one of the customer's orders by number ("SA-20261125-000123"), by id
 * ("#42"), or "latest". Another customer's order is simply not found.
 */
public final class GetOrderDetailsTool extends ShopTool {

    public static final String NAME = "get_order_details";

    public GetOrderDetailsTool() {
        super(ToolSpec.of(
                NAME,
                "One order by number or id.",
                ToolSpec.params().addStringProperty("order").required("order").build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        String ref = a.requiredStr("order");
        if (ctx.isGuest()) return ToolResults.signIn(NAME);
        Optional<Order> o = Optional.empty();
        if (ref.equalsIgnoreCase("latest") || ref.equalsIgnoreCase("last")) {
            o = s.orders().orders(ctx.customerId(), 1, 1).items().stream().findFirst();
        } else if (OrderNumbers.isOrderNumber(ref)) {
            o = s.orders().orderByNumber(ctx.customerId(), ref.strip().toUpperCase(Locale.ROOT));
        } else {
            String digits = ref.startsWith("#") ? ref.substring(1) : ref;
            if (digits.matches("\\d{1,18}")) o = s.orders().order(ctx.customerId(), Long.parseLong(digits));
        }
        if (o.isEmpty()) {
            return ToolResults.fail(NAME, "NOT_FOUND", "No order \"" + clip(ref, 40) + "\" for this customer.");
        }
        return ToolResults.ok(NAME, ToolJson.write(ToolJson.order(o.get(), true)), List.of(), null, null, o.get());
    }
}

package com.shopassist.ai.voucher;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.chat.ChatContext;
import java.util.List;

/** remove_voucher: takes the voucher off the cart (nothing to confirm: it only raises the total back). */
public final class RemoveVoucherTool extends ShopTool {

    public static final String NAME = "remove_voucher";

    public RemoveVoucherTool() {
        super(ToolSpec.of(NAME, "Remove the voucher from the cart.", null));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        Cart before = s.carts().cart(ctx.owner());
        if (before.voucherCode() == null) {
            return ToolResults.fail(NAME, "NO_VOUCHER", "No voucher is applied.", before, null);
        }
        Cart c = s.carts().removeVoucher(ctx.owner());
        return ToolResults.ok(NAME, ToolJson.write(ToolJson.cart(c)), List.of(), c, null, before.voucherCode());
    }
}

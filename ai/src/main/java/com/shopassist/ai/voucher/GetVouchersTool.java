package com.shopassist.ai.voucher;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** get_vouchers: the vouchers on offer, and whether each applies to this cart now (and why not). */
public final class GetVouchersTool extends ShopTool {

    public static final String NAME = "get_vouchers";

    public GetVouchersTool() {
        super(ToolSpec.of(NAME, "Vouchers available now.", null));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        List<VoucherOption> options = s.carts().voucherOptions(ctx.owner());
        List<Object> rows = new ArrayList<>();
        for (VoucherOption o : options) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", o.voucher().code());
            m.put("description", o.voucher().description());
            m.put("applies_now", o.applies());
            if (o.applies() && o.discount() != null)
                m.put("discount", o.discount().toLong());
            if (!o.applies() && o.reason() != null)
                m.put("why_not", o.reason().name().toLowerCase(Locale.ROOT));
            if (o.voucher().minPurchase() != null)
                m.put("min_purchase", o.voucher().minPurchase().toLong());
            rows.add(m);
        }
        return ToolResults.ok(NAME, ToolJson.write(Map.of("vouchers", rows)), List.of(), null, null, options);
    }
}

package com.shopassist.ai.customer;

import static com.shopassist.ai.tool.ToolResults.clip;

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
import java.util.Optional;

/** find_address_by_label: one saved address by its label ("Rumah", "kantor", "home"). */
public final class FindAddressByLabelTool extends ShopTool {

    public static final String NAME = "find_address_by_label";

    public FindAddressByLabelTool() {
        super(ToolSpec.of(
                NAME,
                "A saved address by label, e.g. Rumah, Kantor.",
                ToolSpec.params().addStringProperty("label").required("label").build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        String label = a.requiredStr("label");
        if (ctx.isGuest()) return ToolResults.signIn(NAME);
        Optional<Address> found = AddressLabels.resolve(s.customers(), ctx.customerId(), label);
        if (found.isEmpty()) {
            List<Address> all = s.customers().addresses(ctx.customerId());
            return ToolResults.fail(
                    NAME,
                    "NOT_FOUND",
                    "No address labelled \"" + clip(label, 50) + "\". Saved labels: " + AddressLabels.list(all) + ".",
                    null,
                    all);
        }
        return ToolResults.ok(NAME, ToolJson.write(ToolJson.address(found.get())), List.of(), null, null, found.get());
    }
}

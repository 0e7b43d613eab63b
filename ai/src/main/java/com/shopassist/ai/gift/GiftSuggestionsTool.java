package com.shopassist.ai.gift;

import static com.shopassist.ai.tool.ToolResults.blankToNull;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** get_gift_suggestions: the gift service's ideas for a recipient ("dad", "teenager"), budget and interests. */
public final class GiftSuggestionsTool extends ShopTool {

    public static final String NAME = "get_gift_suggestions";

    public GiftSuggestionsTool() {
        super(ToolSpec.of(
                NAME,
                "Gift ideas.",
                ToolSpec.params()
                        .addStringProperty("recipient", "e.g. dad, ibu, teenager")
                        .addIntegerProperty("budget", "rupiah")
                        .addStringProperty("interests")
                        .build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        String recipient = a.str("recipient");
        String who = recipient == null ? "" : recipient.toLowerCase(Locale.ROOT);
        Long budget = a.lng("budget");
        Money max = budget == null || budget <= 0 ? null : Money.of(budget);
        List<Product> ideas = s.gifts().suggest(who, max, blankToNull(a.str("interests")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipient", who.isEmpty() ? null : who);
        m.put("budget", budget);
        m.put("suggestions", ToolJson.products(ideas));
        return ToolResults.ok(NAME, ToolJson.write(m), ideas, null, null, null);
    }
}

package com.shopassist.ai.checkout;

import com.shopassist.ai.customer.FindAddressByLabelTool;
import com.shopassist.ai.customer.GetAddressesTool;
import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/** The checkout feature: its tool, the words that route a turn to it and the address tools, its word lists. */
public final class CheckoutFeature {
    private CheckoutFeature() {}

    public static final WordBook WORDS = WordBook.load(CheckoutFeature.class, "words");

    public static final List<Tool> TOOLS = List.of(new CheckoutTool());

    public static final List<Route> ROUTES =
            List.of(Route.of(WORDS, GetAddressesTool.NAME, FindAddressByLabelTool.NAME, CheckoutTool.NAME));
}

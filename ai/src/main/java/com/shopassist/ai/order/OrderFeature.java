package com.shopassist.ai.order;

import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/** The order feature: its tools, the words that route a turn to them, and its word lists. */
public final class OrderFeature {
    private OrderFeature() {}

    public static final WordBook WORDS = WordBook.load(OrderFeature.class, "words");

    public static final List<Tool> TOOLS = List.of(new GetOrdersTool(), new GetOrderDetailsTool());

    public static final List<Route> ROUTES = List.of(Route.of(WORDS, GetOrdersTool.NAME, GetOrderDetailsTool.NAME));
}

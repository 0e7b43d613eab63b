package com.shopassist.ai.cart;

import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/** The cart feature: its tools, the words that route a turn to them, and its word lists. */
public final class CartFeature {
    private CartFeature() {}

    public static final WordBook WORDS = WordBook.load(CartFeature.class, "words");

    public static final List<Tool> TOOLS =
            List.of(new GetCartTool(), new AddToCartTool(), new RemoveFromCartTool(), new ClearCartTool());

    /** Viewing and adding are offered on every turn; removing words ("hapus", "clear") offer the rest. */
    public static final List<Route> ROUTES = List.of(Route.of(WORDS, RemoveFromCartTool.NAME, ClearCartTool.NAME));
}

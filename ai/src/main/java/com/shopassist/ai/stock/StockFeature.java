package com.shopassist.ai.stock;

import com.shopassist.ai.catalog.FindProductByNameTool;
import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/** The stock feature: its tools, the words that route a turn to them, and its word lists. */
public final class StockFeature {
    private StockFeature() {}

    public static final WordBook WORDS = WordBook.load(StockFeature.class, "words");

    public static final List<Tool> TOOLS = List.of(new CheckStockTool(), new CheckStockByNameTool());

    /** "stok", "available", "habis" offer the stock tools and the name lookup. */
    public static final List<Route> ROUTES =
            List.of(Route.of(WORDS, CheckStockTool.NAME, CheckStockByNameTool.NAME, FindProductByNameTool.NAME));
}

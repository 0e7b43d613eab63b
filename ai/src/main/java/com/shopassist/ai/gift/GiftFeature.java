package com.shopassist.ai.gift;

import com.shopassist.ai.catalog.CompareProductsTool;
import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/**
 * The gift feature: its tool, its word lists, and the words of recommending ("compare", "best",
 * "hadiah") that route a turn to it and to comparing.
 */
public final class GiftFeature {
    private GiftFeature() {}

    public static final WordBook WORDS = WordBook.load(GiftFeature.class, "words");

    public static final List<Tool> TOOLS = List.of(new GiftSuggestionsTool());

    public static final List<Route> ROUTES =
            List.of(Route.of(WORDS, CompareProductsTool.NAME, GiftSuggestionsTool.NAME));
}

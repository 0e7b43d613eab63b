package com.shopassist.ai.catalog;

import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/** The catalog feature: its tools, the words that route a turn to them, and its word lists. */
public final class CatalogFeature {
    private CatalogFeature() {}

    /** words.en.txt / words.id.txt of this package. */
    public static final WordBook WORDS = WordBook.load(CatalogFeature.class, "words");

    public static final List<Tool> TOOLS = List.of(
            new SearchProductsTool(),
            new ProductDetailsTool(),
            new CategoriesTool(),
            new ProductsByCategoryTool(),
            new BrandsTool(),
            new FindProductByNameTool(),
            new CompareProductsTool());

    /** Browsing words ("categories", "merek") offer the browsing tools. */
    public static final List<Route> ROUTES = List.of(Route.of(
            WORDS, CategoriesTool.NAME, ProductsByCategoryTool.NAME, BrandsTool.NAME, FindProductByNameTool.NAME));
}

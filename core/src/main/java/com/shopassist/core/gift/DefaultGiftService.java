package com.shopassist.core.gift;

import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.catalog.SearchService;
import com.shopassist.core.money.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gift ideas: what shops suggest for each recipient, in this catalog's words (gift-ideas.txt),
 * searched in stock under the budget, one or two per category so the ideas differ. The shopper's
 * interests come first and, when no product name has their words, are searched by meaning.
 */
public final class DefaultGiftService implements GiftService {

    /** Each search costs most of a turn's budget on a large catalog. */
    static final int MAX_SEARCHES = 3;

    private static final int PER_SEARCH = 6;
    private static final int MEANING_RESULTS = 4;
    private static final int MAX_INTEREST_CHARS = 100;

    private final CatalogService catalog;
    private final SearchService search;
    private final GiftIdeas ideas;

    public DefaultGiftService(CatalogService catalog, SearchService search) {
        this(catalog, search, GiftIdeas.load());
    }

    /** With other ideas than the shipped ones (tests). */
    DefaultGiftService(CatalogService catalog, SearchService search, GiftIdeas ideas) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.search = Objects.requireNonNull(search, "search");
        this.ideas = Objects.requireNonNull(ideas, "ideas");
    }

    @Override
    public List<Product> suggest(String recipient, Money budget, String interests) {
        String who = recipient == null ? "" : recipient.strip().toLowerCase(Locale.ROOT);
        String likes = interests == null || interests.isBlank()
                ? null
                : interests.length() > MAX_INTEREST_CHARS ? interests.substring(0, MAX_INTEREST_CHARS) : interests;
        List<String> words = new ArrayList<>();
        if (likes != null) words.add(likes);
        words.addAll(ideas.forRecipient(who));
        Money max = budget == null || budget.compareTo(Money.ZERO) <= 0 ? null : budget;
        Map<Long, Product> picked = new LinkedHashMap<>();
        Set<Long> categoriesUsed = new HashSet<>();
        int searches = 0;
        for (String idea : words) {
            if (picked.size() >= MAX_IDEAS || searches++ >= MAX_SEARCHES) break;
            boolean ownWords = idea.equals(likes);
            ProductQuery q =
                    new ProductQuery(idea, null, null, null, null, max, true, ProductSort.RELEVANCE, 1, PER_SEARCH);
            List<Product> found = catalog.search(q).items();
            if (found.isEmpty() && ownWords) found = search.nearInMeaning(idea, q, MEANING_RESULTS);
            for (Product p : found) {
                if (picked.containsKey(p.id()) || (categoriesUsed.contains(p.categoryId()) && picked.size() >= 3))
                    continue;
                picked.put(p.id(), p);
                categoriesUsed.add(p.categoryId());
                // two of each suggested kind, then the next kind; the shopper's own words may fill more
                if (picked.size() >= MAX_IDEAS || !ownWords && picked.size() % 2 == 0 && picked.size() < MAX_IDEAS - 1)
                    break;
            }
        }
        return List.copyOf(picked.values());
    }
}

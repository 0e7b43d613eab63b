package com.shopassist.ai.catalog;

import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Category;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A category as a model or shopper names it: an id, its English or Indonesian name, or part of one. */
final class Categories {
    private Categories() {}

    static Optional<Category> resolve(CatalogService catalog, String nameOrId) {
        String s = nameOrId == null ? "" : nameOrId.trim();
        if (s.isEmpty()) return Optional.empty();
        List<Category> all = catalog.categories();
        if (s.matches("\\d{1,18}")) {
            long id = Long.parseLong(s);
            Optional<Category> byId = all.stream().filter(c -> c.id() == id).findFirst();
            if (byId.isPresent()) return byId;
        }
        for (Category c : all) {
            if (c.name().equalsIgnoreCase(s)
                    || (c.nameId() != null && c.nameId().equalsIgnoreCase(s))) {
                return Optional.of(c);
            }
        }
        Optional<Category> named = catalog.categoryByName(s);
        if (named.isPresent()) return named;
        String low = s.toLowerCase(Locale.ROOT);
        for (Category c : all) {
            if (c.name().toLowerCase(Locale.ROOT).contains(low)
                    || (c.nameId() != null
                            && c.nameId().toLowerCase(Locale.ROOT).contains(low))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

package com.shopassist.app.ui.catalog;

import com.shopassist.app.ui.UiContext;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.money.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Side-by-side comparison of the 2 to 4 products the shopper picked (held by the session). */
public final class CompareViewModel {

    private final UiContext ui;
    private final ObservableList<Product> products = FXCollections.observableArrayList();

    public CompareViewModel(UiContext ui) {
        this.ui = ui;
        ui.session().compare().addListener((javafx.collections.ListChangeListener<Long>) c -> refresh());
    }

    /** Adds a product; says so when four are already there. */
    public void add(long productId, String name) {
        if (ui.session().compare().contains(productId)) {
            ui.feedback().info("compare.already", name);
        } else if (!ui.session().addToCompare(productId)) {
            ui.feedback().warning("compare.full");
        } else {
            ui.feedback().info("compare.added", name, ui.session().compare().size());
        }
    }

    public void remove(long productId) {
        ui.session().compare().remove(Long.valueOf(productId));
    }

    public void clear() {
        ui.session().compare().clear();
    }

    public void refresh() {
        List<Long> ids = List.copyOf(ui.session().compare());
        if (ids.isEmpty()) {
            products.clear();
            return;
        }
        ui.tasks().run(() -> ui.services().catalog().products(ids), products::setAll, ui.feedback()::error);
    }

    public boolean ready() {
        return products.size() >= 2;
    }

    public ObservableList<Product> products() {
        return products;
    }

    /**
     * The products "Lowest price in stock" is shown under: the cheapest of those a shopper can still
     * buy (a sold-out product is no bargain), every one of them when several share that price. None
     * when all are sold out, or when every product that can be bought costs the same: the label
     * would tell nothing.
     */
    public static Set<Long> lowestPriced(List<Product> ps) {
        List<Product> buyable =
                ps.stream().filter(p -> p.stockBadge() != StockBadge.SOLD_OUT).toList();
        if (buyable.isEmpty()) return Set.of();
        Money min = buyable.stream()
                .map(Product::price)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Money max = buyable.stream()
                .map(Product::price)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        if (min.compareTo(max) == 0) return Set.of();
        return buyable.stream()
                .filter(p -> p.price().compareTo(min) == 0)
                .map(Product::id)
                .collect(Collectors.toUnmodifiableSet());
    }
}

package com.shopassist.app.ui.catalog;

import com.shopassist.app.ui.UiContext;
import com.shopassist.core.catalog.Product;
import java.util.List;
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
}

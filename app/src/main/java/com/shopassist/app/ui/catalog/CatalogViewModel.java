package com.shopassist.app.ui.catalog;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.common.Page;
import com.shopassist.core.money.Money;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Browsing without chatting: categories, search with filters, pages, a product's details. */
public final class CatalogViewModel {

    public static final int PAGE_SIZE = 12;

    private final UiContext ui;
    private final ObservableList<Category> categories = FXCollections.observableArrayList();
    private final ObservableList<String> brands = FXCollections.observableArrayList();
    private final ObservableList<Product> results = FXCollections.observableArrayList();
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty brand = new SimpleStringProperty();
    private final StringProperty minPrice = new SimpleStringProperty("");
    private final StringProperty maxPrice = new SimpleStringProperty("");
    private final BooleanProperty inStockOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProductSort> sort = new SimpleObjectProperty<>(ProductSort.RELEVANCE);
    private final IntegerProperty page = new SimpleIntegerProperty(1);
    private final IntegerProperty totalPages = new SimpleIntegerProperty(0);
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<Product> detail = new SimpleObjectProperty<>();
    private final ObservableList<Product> alternatives = FXCollections.observableArrayList();
    private long total;
    /** The count stopped at a bound: "of more than 1,000". */
    private boolean moreThanTotal;

    public CatalogViewModel(UiContext ui) {
        this.ui = ui;
        ui.i18n().localeProperty().addListener((o, a, b) -> updateSummary());
    }

    /** Categories and brands for the filters, then the first page of everything. */
    public void load() {
        ui.tasks()
                .run(
                        () -> new Object[] {
                            ui.services().catalog().categories(),
                            ui.services().catalog().brands()
                        },
                        loaded -> {
                            @SuppressWarnings("unchecked")
                            List<Category> cats = (List<Category>) loaded[0];
                            @SuppressWarnings("unchecked")
                            List<Brand> bs = (List<Brand>) loaded[1];
                            categories.setAll(cats);
                            brands.setAll(bs.stream().map(Brand::name).toList());
                        },
                        ui.feedback()::error);
        search();
    }

    public String categoryLabel(Category c) {
        if (c == null) return ui.i18n().t("catalog.allCategories");
        return ui.i18n().isIndonesian() && c.nameId() != null && !c.nameId().isBlank() ? c.nameId() : c.name();
    }

    public void chooseCategory(Category c) {
        category.set(c);
        search();
    }

    /** A new search from page 1 with the current filters. */
    public void search() {
        page.set(1);
        runQuery();
    }

    public void nextPage() {
        if (page.get() < totalPages.get()) {
            page.set(page.get() + 1);
            runQuery();
        }
    }

    public void previousPage() {
        if (page.get() > 1) {
            page.set(page.get() - 1);
            runQuery();
        }
    }

    public void clearFilters() {
        text.set("");
        brand.set(null);
        minPrice.set("");
        maxPrice.set("");
        inStockOnly.set(false);
        sort.set(ProductSort.RELEVANCE);
        category.set(null);
        search();
    }

    public ProductQuery query() {
        String t =
                text.get() == null || text.get().isBlank() ? null : text.get().strip();
        Money min = Formats.parseRupiah(minPrice.get());
        Money max = Formats.parseRupiah(maxPrice.get());
        Category c = category.get();
        String b = brand.get() == null || brand.get().isBlank() ? null : brand.get();
        ProductSort s = sort.get() == null ? ProductSort.RELEVANCE : sort.get();
        if (t == null && s == ProductSort.RELEVANCE) s = ProductSort.NEWEST;
        return new ProductQuery(
                t, c == null ? null : c.id(), b, null, min, max, inStockOnly.get(), s, page.get(), PAGE_SIZE);
    }

    private void runQuery() {
        ProductQuery q = query();
        ui.tasks().run(() -> ui.services().catalog().search(q), this::show, ui.feedback()::error);
    }

    private void show(Page<Product> p) {
        results.setAll(p.items());
        total = p.total();
        moreThanTotal = p.moreThanTotal();
        totalPages.set(p.totalPages());
        updateSummary();
    }

    private void updateSummary() {
        if (total == 0) {
            summary.set(ui.i18n().t("catalog.noResults"));
            return;
        }
        long from = (long) (page.get() - 1) * PAGE_SIZE + 1;
        if (moreThanTotal && results.isEmpty()) {
            // past the results that were ranked (decision 0109): say so, never a bare empty page
            summary.set(ui.i18n().t("catalog.beyondBound", total));
            return;
        }
        long to = Math.min(total, from + results.size() - 1);
        summary.set(
                moreThanTotal
                        ? ui.i18n().t("catalog.showingMore", from, to, total)
                        : ui.i18n().t("catalog.showing", from, to, total));
    }

    /** Opens a product's detail view with in-stock alternatives of the same category. */
    public void openDetail(long productId) {
        ui.tasks()
                .run(
                        () -> {
                            Product p = ui.services()
                                    .catalog()
                                    .product(productId)
                                    .orElseThrow(() ->
                                            new com.shopassist.core.common.NotFoundException("product", productId));
                            return new Object[] {p, ui.services().catalog().alternatives(productId, 4)};
                        },
                        loaded -> {
                            detail.set((Product) loaded[0]);
                            @SuppressWarnings("unchecked")
                            List<Product> alts = (List<Product>) loaded[1];
                            alternatives.setAll(alts);
                        },
                        ui.feedback()::error);
    }

    public ObservableList<Category> categories() {
        return categories;
    }

    public ObservableList<String> brands() {
        return brands;
    }

    public ObservableList<Product> results() {
        return results;
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty brandProperty() {
        return brand;
    }

    public StringProperty minPriceProperty() {
        return minPrice;
    }

    public StringProperty maxPriceProperty() {
        return maxPrice;
    }

    public BooleanProperty inStockOnlyProperty() {
        return inStockOnly;
    }

    public ObjectProperty<ProductSort> sortProperty() {
        return sort;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public IntegerProperty totalPagesProperty() {
        return totalPages;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObjectProperty<Product> detailProperty() {
        return detail;
    }

    public ObservableList<Product> alternatives() {
        return alternatives;
    }
}

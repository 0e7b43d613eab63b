package com.shopassist.app.ui.catalog;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ProductCardView;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.chat.ProductCard;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Browse: categories on the left, search and filters on top, a grid of product cards. */
public final class CatalogView extends BorderPane {

    private final CatalogViewModel vm;
    private final I18n i18n;
    private final ProductCardView.Actions actions;
    private final FlowPane grid = new FlowPane(14, 14);
    private final TextField search = new TextField();

    public CatalogView(CatalogViewModel vm, I18n i18n, ProductCardView.Actions actions) {
        this.vm = vm;
        this.i18n = i18n;
        this.actions = actions;
        getStyleClass().add("catalog-view");
        setId("catalog-view");
        setTop(filters());
        grid.setPadding(new Insets(4, 20, 20, 20));
        grid.getStyleClass().add("product-grid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);
        setBottom(pager());
        vm.results().addListener((ListChangeListener<Product>) c -> render());
        render();
    }

    public TextField searchField() {
        return search;
    }

    private Node categoryChoice() {
        ComboBox<Category> box = new ComboBox<>();
        box.setId("category-choice");
        box.getItems().add(null);
        boolean[] updating = {false};
        vm.categories().addListener((ListChangeListener<Category>) c -> {
            var keep = vm.categoryProperty().get();
            java.util.List<Category> all = new java.util.ArrayList<>();
            all.add(null);
            all.addAll(vm.categories());
            updating[0] = true;
            box.getItems().setAll(all);
            box.setValue(keep);
            updating[0] = false;
        });
        StringConverter<Category> names = new StringConverter<>() {
            @Override
            public String toString(Category c) {
                return c == null ? vm.categoryLabel(null) : vm.categoryLabel(c) + "  (" + c.productCount() + ")";
            }

            @Override
            public Category fromString(String s) {
                return null;
            }
        };
        box.setConverter(names);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Category item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? vm.categoryLabel(null) : names.toString(item));
            }
        });
        box.setValue(null);
        box.setPrefWidth(240);
        i18n.localeProperty().addListener((o, a, b) -> {
            updating[0] = true;
            var v = box.getValue();
            box.setValue(
                    v == null ? box.getItems().get(Math.min(1, box.getItems().size() - 1)) : null);
            box.setValue(v);
            updating[0] = false;
        });
        vm.categoryProperty().addListener((o, a, now) -> {
            if (box.getValue() != now) box.setValue(now);
        });
        box.setOnAction(e -> {
            if (!updating[0] && box.getValue() != vm.categoryProperty().get()) vm.chooseCategory(box.getValue());
        });
        return box;
    }

    private Node filters() {
        search.setId("catalog-search");
        search.promptTextProperty().bind(i18n.bind("catalog.searchPrompt"));
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button go = Views.button(i18n, "catalog.search", Material2MZ.SEARCH, Styles.ACCENT);
        go.setId("catalog-search-button");
        go.setOnAction(e -> vm.search());
        HBox top = new HBox(8, search, go);

        ComboBox<String> brand = new ComboBox<>(vm.brands());
        brand.promptTextProperty().bind(i18n.bind("catalog.anyBrand"));
        brand.valueProperty().bindBidirectional(vm.brandProperty());
        brand.setOnAction(e -> vm.search());
        brand.setPrefWidth(170);

        TextField min = new TextField();
        min.promptTextProperty().bind(i18n.bind("catalog.minPrice"));
        min.textProperty().bindBidirectional(vm.minPriceProperty());
        min.setPrefColumnCount(10);
        min.setOnAction(e -> vm.search());
        TextField max = new TextField();
        max.setId("catalog-max-price");
        max.promptTextProperty().bind(i18n.bind("catalog.maxPrice"));
        max.textProperty().bindBidirectional(vm.maxPriceProperty());
        max.setPrefColumnCount(10);
        max.setOnAction(e -> vm.search());

        CheckBox inStock = new CheckBox();
        inStock.textProperty().bind(i18n.bind("catalog.inStockOnly"));
        inStock.selectedProperty().bindBidirectional(vm.inStockOnlyProperty());
        inStock.setOnAction(e -> vm.search());

        ComboBox<ProductSort> sort = new ComboBox<>();
        sort.getItems().setAll(ProductSort.values());
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProductSort s) {
                return s == null ? "" : i18n.t("sort." + s.name());
            }

            @Override
            public ProductSort fromString(String s) {
                return null;
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            var v = sort.getValue();
            sort.setValue(null);
            sort.setValue(v);
        });
        sort.setOnAction(e -> vm.search());

        Button clear = Views.button(i18n, "catalog.clearFilters", Material2AL.CLEAR_ALL, Styles.FLAT);
        clear.setOnAction(e -> vm.clearFilters());

        FlowPane row = new FlowPane(8, 8, categoryChoice(), brand, min, max, inStock, sort, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, top, row);
        box.setPadding(new Insets(16, 20, 12, 20));
        box.getStyleClass().add("catalog-filters");
        return box;
    }

    private Node pager() {
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setId("catalog-summary");
        Button prev = new Button(null, new FontIcon(Material2AL.CHEVRON_LEFT));
        prev.getStyleClass().addAll(Styles.BUTTON_ICON);
        prev.disableProperty().bind(vm.pageProperty().lessThanOrEqualTo(1));
        prev.setOnAction(e -> vm.previousPage());
        Button next = new Button(null, new FontIcon(Material2AL.CHEVRON_RIGHT));
        next.getStyleClass().addAll(Styles.BUTTON_ICON);
        next.disableProperty().bind(vm.pageProperty().greaterThanOrEqualTo(vm.totalPagesProperty()));
        next.setOnAction(e -> vm.nextPage());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(8, summary, grow, prev, next);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 20, 12, 20));
        return box;
    }

    private void render() {
        if (vm.results().isEmpty()) {
            grid.getChildren()
                    .setAll(Views.emptyState(
                            i18n, Material2MZ.SEARCH_OFF, "catalog.noResults", "catalog.noResultsHint"));
            return;
        }
        grid.getChildren()
                .setAll(vm.results().stream()
                        .map(p -> (Node) new ProductCardView(ProductCard.of(p), i18n, actions))
                        .toList());
    }
}

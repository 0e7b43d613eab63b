package com.shopassist.app.ui.catalog;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ProductCardView;
import com.shopassist.app.ui.common.ProductImage;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.catalog.LowestPriceInStock;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.chat.ProductCard;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** 2 to 4 products side by side: picture, price, brand, category, stock, description. */
public final class CompareView extends ScrollPane {

    private final CompareViewModel vm;
    private final I18n i18n;
    private final ProductCardView.Actions actions;
    private final VBox content = new VBox(16);

    public CompareView(CompareViewModel vm, I18n i18n, ProductCardView.Actions actions) {
        this.vm = vm;
        this.i18n = i18n;
        this.actions = actions;
        setId("compare-view");
        setFitToWidth(true);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);
        vm.products().addListener((ListChangeListener<Product>) c -> render());
        i18n.localeProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        Label title = Views.title(i18n, "compare.title");
        List<Product> ps = List.copyOf(vm.products());
        if (ps.size() < 2) {
            content.getChildren()
                    .setAll(
                            title,
                            Views.emptyState(
                                    i18n, Material2AL.COMPARE_ARROWS, "compare.emptyTitle", "compare.emptyHint"));
            return;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("compare-grid");
        grid.setHgap(0);
        grid.setVgap(0);
        ColumnConstraints head = new ColumnConstraints(130);
        grid.getColumnConstraints().add(head);
        for (int i = 0; i < ps.size(); i++) {
            ColumnConstraints cc = new ColumnConstraints(200, 230, 280);
            grid.getColumnConstraints().add(cc);
        }
        int row = 0;
        addRow(grid, row++, null, ps, p -> {
            Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            remove.setOnAction(e -> vm.remove(p.id()));
            VBox box = new VBox(6, new ProductImage(p.imageRef(), p.categoryName(), p.brand(), 180, 110), remove);
            box.setAlignment(Pos.TOP_CENTER);
            return box;
        });
        addRow(grid, row++, "compare.name", ps, p -> strong(p.name()));
        addRow(grid, row++, "compare.price", ps, p -> {
            Label l = new Label(Formats.rupiah(p.price()));
            l.getStyleClass().add("card-price");
            return l;
        });
        Set<Long> cheapest = LowestPriceInStock.among(ps);
        addRow(grid, row++, "compare.brand", ps, p -> new Label(p.brand()));
        addRow(grid, row++, "compare.category", ps, p -> new Label(p.categoryName()));
        addRow(grid, row++, "compare.stock", ps, p -> ProductCardView.stockBadge(p.stockBadge(), p.available(), i18n));
        addRow(grid, row++, "compare.description", ps, p -> {
            Label l = new Label(p.description());
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        });
        addRow(grid, row++, null, ps, p -> {
            Button add = Views.button(i18n, "card.add", Material2AL.ADD_SHOPPING_CART, Styles.ACCENT);
            add.setDisable(p.stockBadge() == StockBadge.SOLD_OUT);
            add.setOnAction(e -> actions.add(ProductCard.of(p)));
            Label best = Views.label(i18n, "compare.lowestPrice", Styles.SUCCESS, Styles.TEXT_SMALL);
            best.setVisible(cheapest.contains(p.id()));
            return new VBox(6, add, best);
        });
        Button clear = Views.button(i18n, "compare.clear", Material2AL.CLEAR_ALL, Styles.FLAT);
        clear.setOnAction(e -> vm.clear());
        content.getChildren().setAll(new HBox(16, title, clear), grid);
    }

    private static Label strong(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void addRow(GridPane grid, int row, String key, List<Product> ps, Function<Product, Node> cell) {
        Node head = key == null ? new Label() : Views.label(i18n, key, Styles.TEXT_MUTED);
        grid.add(wrapCell(head, row, true), 0, row);
        for (int i = 0; i < ps.size(); i++) grid.add(wrapCell(cell.apply(ps.get(i)), row, false), i + 1, row);
    }

    private static Node wrapCell(Node n, int row, boolean head) {
        VBox box = new VBox(n);
        box.setPadding(new Insets(10, 12, 10, 12));
        box.getStyleClass().add(row % 2 == 0 ? "compare-cell" : "compare-cell-alt");
        if (head) box.getStyleClass().add("compare-head");
        box.setMaxHeight(Double.MAX_VALUE);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}

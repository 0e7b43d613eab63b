package com.shopassist.app.ui.catalog;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ProductCardView;
import com.shopassist.app.ui.common.ProductImage;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.chat.ProductCard;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** One product: big picture, price, stock, description, Add and Compare, and alternatives. */
public final class ProductDetailView extends ScrollPane {

    private final CatalogViewModel vm;
    private final I18n i18n;
    private final ProductCardView.Actions actions;
    private final Runnable back;
    private final VBox content = new VBox(18);

    public ProductDetailView(CatalogViewModel vm, I18n i18n, ProductCardView.Actions actions, Runnable back) {
        this.vm = vm;
        this.i18n = i18n;
        this.actions = actions;
        this.back = back;
        setId("product-detail");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);
        vm.detailProperty().addListener((o, a, b) -> render());
        vm.alternatives().addListener((ListChangeListener<Product>) c -> render());
        render();
    }

    private void render() {
        Button backButton = Views.button(i18n, "nav.back", Material2AL.ARROW_BACK, Styles.FLAT);
        backButton.setOnAction(e -> back.run());
        Product p = vm.detailProperty().get();
        if (p == null) {
            content.getChildren().setAll(backButton);
            return;
        }
        ProductCard card = ProductCard.of(p);
        ProductImage image = new ProductImage(p.imageRef(), p.categoryName(), p.brand(), 320, 240);
        Label name = new Label(p.name());
        name.getStyleClass().add(Styles.TITLE_2);
        name.setWrapText(true);
        Label brand = new Label(p.brand() + " · " + p.categoryName());
        brand.getStyleClass().add(Styles.TEXT_MUTED);
        Label price = new Label(Formats.rupiah(p.price()));
        price.getStyleClass().add("detail-price");
        Label badge = ProductCardView.stockBadge(p.stockBadge(), p.available(), i18n);
        Label desc = new Label(p.description());
        desc.setWrapText(true);
        desc.getStyleClass().add("detail-description");
        Label sku = new Label("SKU " + p.sku() + (p.barcode() == null ? "" : " · " + p.barcode()));
        sku.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button add = Views.button(i18n, "card.add", Material2AL.ADD_SHOPPING_CART, Styles.ACCENT, Styles.LARGE);
        add.setId("detail-add");
        add.setDisable(p.stockBadge() == StockBadge.SOLD_OUT);
        add.setOnAction(e -> actions.add(card));
        Button compare = Views.button(i18n, "card.compare", Material2AL.COMPARE_ARROWS, Styles.LARGE);
        compare.setOnAction(e -> actions.compare(card));
        HBox buttons = new HBox(10, add, compare);
        VBox info = new VBox(10, name, brand, price, badge, buttons, desc, sku);
        HBox.setHgrow(info, Priority.ALWAYS);
        info.setMaxWidth(640);
        HBox top = new HBox(28, image, info);
        top.setAlignment(Pos.TOP_LEFT);
        content.getChildren().setAll(backButton, top);
        if (!vm.alternatives().isEmpty()) {
            Label altTitle = Views.label(i18n, "detail.alternatives", Styles.TITLE_4);
            FlowPane alts = new FlowPane(12, 12);
            for (Product alt : vm.alternatives())
                alts.getChildren().add(new ProductCardView(ProductCard.of(alt), i18n, actions));
            content.getChildren().addAll(altTitle, alts);
        }
    }
}

package com.shopassist.app.ui.common;

import atlantafx.base.theme.Styles;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.chat.ProductCard;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** A product card: picture or placeholder, name, brand, "Rp 1.250.000", stock badge, Add. */
public final class ProductCardView extends VBox {

    /** Four cards fit beside the cart pane at 1360 px. */
    public static final double WIDTH = 188;

    /** What the card's buttons do. */
    public interface Actions {
        void add(ProductCard card);

        void details(ProductCard card);

        void compare(ProductCard card);
    }

    public ProductCardView(ProductCard card, I18n i18n, Actions actions) {
        this(card, 0, i18n, actions);
    }

    /**
     * A card numbered {@code index} (1, 2, ...; 0 for none): in the chat, so "add the second one"
     * and the assistant's numbered list point at a card the shopper can see.
     */
    public ProductCardView(ProductCard card, int index, I18n i18n, Actions actions) {
        getStyleClass().add("product-card");
        setId("product-card-" + card.id());
        setSpacing(6);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        setMinWidth(WIDTH);

        ProductImage image = new ProductImage(card.imageRef(), card.categoryName(), card.brand(), WIDTH - 24, 104);
        image.setOnMouseClicked(e -> actions.details(card));

        javafx.scene.Node picture = image;
        if (index > 0) {
            Label number = new Label(Integer.toString(index));
            number.getStyleClass().add("card-index");
            javafx.scene.layout.StackPane.setAlignment(number, Pos.TOP_LEFT);
            javafx.scene.layout.StackPane.setMargin(number, new javafx.geometry.Insets(6));
            picture = new javafx.scene.layout.StackPane(image, number);
        }

        Label name = new Label(card.name());
        name.getStyleClass().add("card-name");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setMaxHeight(44);
        name.setOnMouseClicked(e -> actions.details(card));
        Label brand = new Label(card.brand());
        brand.getStyleClass().addAll("card-brand", Styles.TEXT_MUTED);
        Label price = new Label(Formats.rupiah(card.price()));
        price.getStyleClass().add("card-price");

        Label badge = stockBadge(card.badge(), card.available(), i18n);

        Button add = new Button();
        add.textProperty().bind(i18n.bind("card.add"));
        add.setGraphic(new FontIcon(Material2AL.ADD_SHOPPING_CART));
        add.getStyleClass().addAll(Styles.ACCENT, "card-add");
        add.setId("add-" + card.id());
        add.setDisable(card.badge() == StockBadge.SOLD_OUT);
        add.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(add, Priority.ALWAYS);
        add.setOnAction(e -> actions.add(card));

        Button compare = new Button(null, new FontIcon(Material2AL.COMPARE_ARROWS));
        compare.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind("card.compare"));
        compare.setTooltip(tip);
        compare.setOnAction(e -> actions.compare(card));

        HBox buttons = new HBox(6, add, compare);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        getChildren().addAll(picture, name, brand, new HBox(8, price), badge, grow, buttons);
    }

    public static Label stockBadge(StockBadge badge, int available, I18n i18n) {
        Label l = new Label();
        l.getStyleClass().add("stock-badge");
        switch (badge) {
            case IN_STOCK -> {
                l.textProperty().bind(i18n.bind("badge.inStock"));
                l.getStyleClass().add("in-stock");
            }
            case LOW -> {
                l.textProperty().bind(i18n.bind("badge.low", available));
                l.getStyleClass().add("low-stock");
            }
            case SOLD_OUT -> {
                l.textProperty().bind(i18n.bind("badge.soldOut"));
                l.getStyleClass().add("sold-out");
            }
        }
        return l;
    }
}

package com.shopassist.app.ui.common;

import atlantafx.base.theme.Styles;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.chat.ProductCard;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

    private final long productId;
    private final I18n i18n;
    private final Label badge;
    private final Button add;

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
        this.productId = card.id();
        this.i18n = i18n;
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

        badge = stockBadge(card.badge(), card.available(), i18n);

        add = new Button();
        add.textProperty().bind(i18n.bind("card.add"));
        add.setGraphic(new FontIcon(Material2AL.ADD_SHOPPING_CART));
        add.getStyleClass().addAll(Styles.ACCENT, "card-add");
        add.setId("add-" + card.id());
        add.setDisable(card.badge() == StockBadge.SOLD_OUT);
        add.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(add, Priority.ALWAYS);
        add.setOnAction(e -> actions.add(card));

        // a label, not a tooltip: touch screens never show tooltips
        Button compare = new Button(null, new FontIcon(Material2AL.COMPARE_ARROWS));
        compare.textProperty().bind(i18n.bind("card.compare"));
        compare.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "card-compare");
        compare.setId("compare-" + card.id());
        compare.setMaxWidth(Double.MAX_VALUE);
        compare.setOnAction(e -> actions.compare(card));

        VBox buttons = new VBox(4, add, compare);
        buttons.setFillWidth(true);

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        getChildren().addAll(picture, name, brand, new HBox(8, price), badge, grow, buttons);
    }

    /** The product this card shows. */
    public long productId() {
        return productId;
    }

    /** The same product with its stock as it is now: the badge and whether Add can be pressed. */
    public void update(ProductCard now) {
        if (now.id() != productId) throw new IllegalArgumentException("another product's card");
        showBadge(badge, now.badge(), now.available(), i18n);
        add.setDisable(now.badge() == StockBadge.SOLD_OUT);
    }

    public static Label stockBadge(StockBadge badge, int available, I18n i18n) {
        Label l = new Label();
        showBadge(l, badge, available, i18n);
        return l;
    }

    private static void showBadge(Label l, StockBadge badge, int available, I18n i18n) {
        l.textProperty().unbind();
        l.getStyleClass().setAll("label", "stock-badge");
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
    }
}

package com.shopassist.app.ui.catalog;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ProductCardView;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProductCard;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;

/** Gift ideas: who it is for, a budget, what they like. */
public final class GiftFinderView extends ScrollPane {

    private final GiftFinderViewModel vm;
    private final I18n i18n;
    private final ProductCardView.Actions actions;
    private final FlowPane results = new FlowPane(12, 12);

    public GiftFinderView(GiftFinderViewModel vm, I18n i18n, ProductCardView.Actions actions) {
        this.vm = vm;
        this.i18n = i18n;
        this.actions = actions;
        setId("gift-finder");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        ComboBox<String> who = new ComboBox<>();
        who.getItems().setAll(GiftFinderViewModel.RECIPIENTS);
        who.valueProperty().bindBidirectional(vm.recipientProperty());
        who.setConverter(new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null ? "" : i18n.t("gift.recipient." + k);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            String v = who.getValue();
            who.setValue(null);
            who.setValue(v);
        });
        who.setPrefWidth(200);
        TextField budget = new TextField();
        budget.promptTextProperty().bind(i18n.bind("gift.budgetPrompt"));
        budget.textProperty().bindBidirectional(vm.budgetProperty());
        TextField likes = new TextField();
        likes.promptTextProperty().bind(i18n.bind("gift.interestsPrompt"));
        likes.textProperty().bindBidirectional(vm.interestsProperty());
        likes.setPrefColumnCount(22);
        likes.setOnAction(e -> vm.find());
        Button find = Views.button(i18n, "gift.find", Material2AL.CARD_GIFTCARD, Styles.ACCENT);
        find.setId("gift-find");
        find.setOnAction(e -> vm.find());

        FlowPane form = new FlowPane(
                12,
                12,
                field("gift.recipient", who),
                field("gift.budget", budget),
                field("gift.interests", likes),
                find);
        form.setAlignment(Pos.BOTTOM_LEFT);
        form.getStyleClass().add("gift-form");
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);

        VBox content = new VBox(
                16,
                Views.title(i18n, "gift.title"),
                Views.label(i18n, "gift.subtitle", Styles.TEXT_MUTED),
                form,
                status,
                results);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);
        vm.ideas().addListener((ListChangeListener<Product>) c -> results.getChildren()
                .setAll(vm.ideas().stream()
                        .map(p -> (Node) new ProductCardView(ProductCard.of(p), i18n, actions))
                        .toList()));
    }

    private Node field(String key, Node control) {
        return new VBox(4, Views.label(i18n, key, Styles.TEXT_SMALL), control);
    }
}

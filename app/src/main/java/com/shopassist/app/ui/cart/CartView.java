package com.shopassist.app.ui.cart;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ProductImage;
import com.shopassist.core.cart.CartLine;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The cart pane, always beside the chat: lines, voucher, totals, Checkout. */
public final class CartView extends BorderPane {

    private final CartViewModel vm;
    private final I18n i18n;
    private final VBox linesBox = new VBox(10);

    public CartView(CartViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("cart-pane");
        setId("cart-pane");

        Label title = new Label();
        title.textProperty().bind(i18n.bind("cart.title", vm.itemCountProperty()));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setGraphic(new FontIcon(Material2MZ.SHOPPING_CART));
        Label waiting = new Label();
        waiting.setId("cart-waiting");
        waiting.textProperty().bind(vm.waitingProperty());
        waiting.setGraphic(new FontIcon(Material2MZ.SYNC));
        waiting.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        waiting.setWrapText(true);
        waiting.visibleProperty().bind(vm.waitingProperty().isNotEmpty());
        waiting.managedProperty().bind(waiting.visibleProperty());
        VBox header = new VBox(4, title, waiting, notices());
        header.setPadding(new Insets(16, 16, 8, 16));
        setTop(header);

        linesBox.setPadding(new Insets(4, 16, 8, 16));
        ScrollPane scroll = new ScrollPane(linesBox);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("cart-scroll");
        setCenter(scroll);
        vm.lines().addListener((ListChangeListener<CartLine>) c -> render());
        vm.categories().addListener((javafx.collections.MapChangeListener<Long, String>) c -> render());
        render();

        setBottom(footer());
    }

    private void render() {
        if (vm.lines().isEmpty()) {
            FontIcon icon = new FontIcon(Material2MZ.SHOPPING_BASKET);
            icon.getStyleClass().add("icon-48");
            icon.getStyleClass().add("empty-icon");
            Label empty = new Label();
            empty.textProperty().bind(i18n.bind("cart.empty"));
            empty.getStyleClass().add(Styles.TITLE_4);
            Label hint = new Label();
            hint.textProperty().bind(i18n.bind("cart.emptyHint"));
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            hint.setAlignment(Pos.CENTER);
            hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            VBox box = new VBox(10, icon, empty, hint);
            box.setAlignment(Pos.CENTER);
            box.setPadding(new Insets(40, 10, 40, 10));
            box.setId("cart-empty");
            linesBox.getChildren().setAll(box);
            return;
        }
        linesBox.getChildren().setAll(vm.lines().stream().map(this::line).toList());
    }

    /** What changed while the store was offline, until the shopper dismisses it. */
    private Node notices() {
        VBox list = new VBox(4);
        Runnable fill = () -> list.getChildren()
                .setAll(vm.notices().stream()
                        .map(text -> {
                            Label l = new Label(text);
                            l.setWrapText(true);
                            l.setMinHeight(Region.USE_PREF_SIZE);
                            l.getStyleClass().add(Styles.TEXT_SMALL);
                            return (Node) l;
                        })
                        .toList());
        vm.notices().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        Label title = new Label();
        title.textProperty().bind(i18n.bind("cart.notices.title"));
        title.setGraphic(new FontIcon(Material2AL.INFO));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Button ok = new Button();
        ok.setId("cart-notices-dismiss");
        ok.textProperty().bind(i18n.bind("cart.notices.dismiss"));
        ok.getStyleClass().add(Styles.SMALL);
        ok.setOnAction(e -> vm.dismissNotices());
        VBox box = new VBox(6, title, list, ok);
        box.setId("cart-notices");
        box.getStyleClass().addAll("cart-notices", Styles.WARNING);
        box.setPadding(new Insets(8));
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.notices()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node line(CartLine line) {
        ProductImage thumb = new ProductImage(line.imageRef(), vm.categoryOf(line.productId()), line.brand(), 52, 52);
        Label name = new Label(line.name());
        name.getStyleClass().add("line-name");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label each =
                new Label(vm.isUnavailable(line) ? i18n.t("cart.line.unavailable") : Formats.rupiah(line.unitPrice()));
        each.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        if (vm.isUnavailable(line)) each.getStyleClass().add(Styles.WARNING);
        VBox text = new VBox(2, name, each);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        Button minus = iconButton(Material2MZ.REMOVE, "cart.decrease");
        minus.setId("minus-" + line.productId());
        minus.setOnAction(e -> vm.decrement(line));
        minus.setDisable(line.quantity() == 0);
        Label qty = new Label(Integer.toString(line.quantity()));
        qty.getStyleClass().add("line-qty");
        qty.setId("qty-" + line.productId());
        qty.setMinWidth(28);
        qty.setAlignment(Pos.CENTER);
        Button plus = iconButton(Material2AL.ADD, "cart.increase");
        plus.setId("plus-" + line.productId());
        plus.setOnAction(e -> vm.increment(line));
        Button remove = iconButton(Material2AL.DELETE_OUTLINE, "cart.remove");
        remove.setId("remove-" + line.productId());
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> vm.remove(line));
        HBox stepper = new HBox(2, minus, qty, plus);
        stepper.setAlignment(Pos.CENTER_LEFT);
        stepper.getStyleClass().add("stepper");

        Label lineTotal = new Label(Formats.rupiah(line.lineTotal()));
        lineTotal.getStyleClass().add("line-total");
        lineTotal.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(8, stepper, grow, lineTotal, remove);
        bottom.setAlignment(Pos.CENTER_LEFT);

        HBox top = new HBox(10, thumb, text);
        VBox row = new VBox(6, top, bottom);
        row.getStyleClass().add("cart-line");
        row.setId("cart-line-" + line.productId());
        return row;
    }

    private Button iconButton(org.kordamp.ikonli.Ikon icon, String tooltipKey) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "touch-icon");
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(tooltipKey));
        b.setTooltip(t);
        return b;
    }

    private Node footer() {
        TextField voucher = new TextField();
        voucher.setId("voucher-input");
        voucher.promptTextProperty().bind(i18n.bind("cart.voucherPrompt"));
        voucher.textProperty().bindBidirectional(vm.voucherInputProperty());
        voucher.setOnAction(e -> vm.applyVoucher());
        HBox.setHgrow(voucher, Priority.ALWAYS);
        Button apply = new Button();
        apply.setId("voucher-apply");
        apply.textProperty().bind(i18n.bind("cart.applyVoucher"));
        apply.setOnAction(e -> vm.applyVoucher());
        apply.disableProperty().bind(vm.emptyProperty());
        HBox voucherRow = new HBox(8, voucher, apply);

        Label applied = new Label();
        applied.setId("voucher-applied");
        applied.textProperty().bind(i18n.bind("cart.voucherApplied", vm.appliedVoucherProperty()));
        applied.setGraphic(new FontIcon(Material2AL.LOCAL_OFFER));
        applied.getStyleClass().add(Styles.SUCCESS);
        Button removeVoucher = new Button(null, new FontIcon(Material2AL.CLOSE));
        removeVoucher.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        removeVoucher.setOnAction(e -> vm.removeVoucher());
        HBox appliedRow = new HBox(6, applied, removeVoucher);
        appliedRow.setAlignment(Pos.CENTER_LEFT);
        appliedRow.visibleProperty().bind(vm.appliedVoucherProperty().isNotEmpty());
        appliedRow.managedProperty().bind(appliedRow.visibleProperty());

        Label problem = new Label();
        problem.textProperty().bind(vm.voucherProblemProperty());
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        problem.visibleProperty().bind(vm.voucherProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane totals = new GridPane();
        totals.getStyleClass().add("totals");
        totals.setHgap(8);
        totals.setVgap(4);
        addRow(totals, 0, "cart.subtotal", vm.subtotalProperty(), "subtotal", false);
        addRow(totals, 1, "cart.discount", vm.discountProperty(), "discount", false);
        addRow(totals, 2, "cart.total", vm.totalProperty(), "cart-total", true);
        var c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        totals.getColumnConstraints().addAll(c0, new javafx.scene.layout.ColumnConstraints());

        Button checkout = new Button();
        checkout.setId("checkout-button");
        checkout.textProperty().bind(i18n.bind("cart.checkout"));
        checkout.setGraphic(new FontIcon(Material2AL.ARROW_FORWARD));
        checkout.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        checkout.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE, "checkout-button");
        checkout.setMaxWidth(Double.MAX_VALUE);
        checkout.disableProperty().bind(Bindings.createBooleanBinding(vm.emptyProperty()::get, vm.emptyProperty()));
        checkout.setOnAction(e -> vm.checkout());

        VBox box =
                new VBox(10, voucherRow, appliedRow, problem, new javafx.scene.control.Separator(), totals, checkout);
        box.getStyleClass().add("cart-footer");
        box.setPadding(new Insets(12, 16, 16, 16));
        return box;
    }

    private void addRow(
            GridPane grid,
            int row,
            String key,
            javafx.beans.value.ObservableValue<String> value,
            String id,
            boolean strong) {
        Label name = new Label();
        name.textProperty().bind(i18n.bind(key));
        Label amount = new Label();
        amount.textProperty().bind(value);
        amount.setId(id);
        if (strong) {
            name.getStyleClass().add("total-label");
            amount.getStyleClass().add("total-amount");
        } else {
            name.getStyleClass().add(Styles.TEXT_MUTED);
        }
        grid.add(name, 0, row);
        grid.add(amount, 1, row);
        GridPane.setHalignment(amount, javafx.geometry.HPos.RIGHT);
    }
}

package com.shopassist.app.ui.checkout;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ShopSession;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.customer.Address;
import com.shopassist.core.order.Order;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Checkout: address, summary, Confirm; then the confirmation with the order number. */
public final class CheckoutView extends ScrollPane {

    /** Where the buttons of this screen lead. */
    public interface Navigation {
        void signIn();

        void continueShopping();

        void orders();
    }

    private final CheckoutViewModel vm;
    private final ShopSession session;
    private final I18n i18n;
    private final Navigation nav;
    private final VBox content = new VBox(18);

    public CheckoutView(CheckoutViewModel vm, ShopSession session, I18n i18n, Navigation nav) {
        this.vm = vm;
        this.session = session;
        this.i18n = i18n;
        this.nav = nav;
        setId("checkout-view");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);
        vm.stepProperty().addListener((o, a, b) -> render());
        vm.addresses().addListener((ListChangeListener<Address>) c -> render());
        vm.addressProperty().addListener((o, a, b) -> render());
        session.cartProperty().addListener((o, a, b) -> {
            if (vm.stepProperty().get() == CheckoutViewModel.Step.REVIEW) render();
        });
        render();
    }

    private void render() {
        switch (vm.stepProperty().get()) {
            case SIGN_IN_NEEDED -> signInNeeded();
            case REVIEW -> review();
            case PLACED -> placed();
            case QUEUED -> queued();
        }
    }

    private void signInNeeded() {
        VBox box = Views.emptyState(i18n, Material2AL.ACCOUNT_CIRCLE, "checkout.signInTitle", "checkout.signInHint");
        Button signIn = Views.button(i18n, "account.signIn", Material2AL.LOGIN, Styles.ACCENT, Styles.LARGE);
        signIn.setId("checkout-sign-in");
        signIn.setOnAction(e -> nav.signIn());
        box.getChildren().add(signIn);
        content.getChildren().setAll(Views.title(i18n, "checkout.title"), box);
        content.setAlignment(Pos.TOP_LEFT);
    }

    private void review() {
        Cart cart = session.cart();
        VBox left = new VBox(12, Views.label(i18n, "checkout.address", Styles.TITLE_4));
        ToggleGroup group = new ToggleGroup();
        for (Address a : vm.addresses()) {
            RadioButton rb = new RadioButton();
            rb.setToggleGroup(group);
            rb.setSelected(vm.addressProperty().get() != null
                    && vm.addressProperty().get().id() == a.id());
            rb.setOnAction(e -> vm.addressProperty().set(a));
            rb.setId("address-" + a.label());
            Label label = new Label(a.label());
            label.getStyleClass().add(Styles.TEXT_BOLD);
            Label line = new Label((a.recipientName() == null ? "" : a.recipientName() + " · ") + a.oneLine());
            line.setWrapText(true);
            line.getStyleClass().add(Styles.TEXT_MUTED);
            VBox text = new VBox(2, label, line);
            HBox card = new HBox(10, rb, text);
            card.getStyleClass().add("address-card");
            if (rb.isSelected()) card.getStyleClass().add("selected");
            card.setOnMouseClicked(e -> vm.addressProperty().set(a));
            card.setPadding(new Insets(12));
            left.getChildren().add(card);
        }
        if (vm.addresses().isEmpty())
            left.getChildren().add(Views.label(i18n, "checkout.noAddress", Styles.TEXT_MUTED));
        left.getChildren().add(addressForm());
        left.setPrefWidth(420);
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = summary(cart);
        right.setPrefWidth(380);
        right.setMinWidth(320);
        HBox columns = new HBox(28, left, right);
        content.getChildren().setAll(Views.title(i18n, "checkout.title"), columns);
    }

    private Node addressForm() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.add(field("checkout.field.label", vm.newLabelProperty(), "new-address-label"), 0, 0);
        g.add(field("checkout.field.recipient", vm.newRecipientProperty(), null), 1, 0);
        g.add(field("checkout.field.street", vm.newStreetProperty(), "new-address-street"), 0, 1, 2, 1);
        g.add(field("checkout.field.city", vm.newCityProperty(), "new-address-city"), 0, 2);
        g.add(field("checkout.field.postalCode", vm.newPostalCodeProperty(), null), 1, 2);
        g.add(field("checkout.field.phone", vm.newPhoneProperty(), null), 0, 3);
        Button save = Views.button(i18n, "checkout.saveAddress", Material2AL.ADD_LOCATION, Styles.ACCENT);
        save.setId("save-address");
        save.setOnAction(e -> vm.addAddress());
        g.add(save, 1, 3);
        GridPane.setValignment(save, javafx.geometry.VPos.BOTTOM);
        TitledPane pane = new TitledPane();
        pane.textProperty().bind(i18n.bind("checkout.addAddress"));
        pane.setContent(g);
        pane.setExpanded(vm.addresses().isEmpty());
        pane.setAnimated(false);
        return pane;
    }

    private Node field(String key, javafx.beans.property.StringProperty prop, String id) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(prop);
        if (id != null) f.setId(id);
        return new VBox(4, Views.label(i18n, key, Styles.TEXT_SMALL), f);
    }

    private VBox summary(Cart cart) {
        VBox box = new VBox(10, Views.label(i18n, "checkout.summary", Styles.TITLE_4));
        box.getStyleClass().add("summary-card");
        box.setPadding(new Insets(16));
        if (cart == null || cart.isEmpty()) {
            box.getChildren().add(Views.label(i18n, "cart.empty", Styles.TEXT_MUTED));
            return box;
        }
        GridPane lines = new GridPane();
        lines.setHgap(10);
        lines.setVgap(6);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        lines.getColumnConstraints().addAll(c0, new ColumnConstraints());
        int r = 0;
        for (CartLine l : cart.lines()) {
            Label n = new Label(l.quantity() + " × " + l.name());
            n.setWrapText(true);
            Label t = new Label(Formats.rupiah(l.lineTotal()));
            t.setMinWidth(Region.USE_PREF_SIZE);
            lines.add(n, 0, r);
            lines.add(t, 1, r++);
            GridPane.setHalignment(t, HPos.RIGHT);
        }
        GridPane totals = new GridPane();
        totals.setHgap(10);
        totals.setVgap(6);
        ColumnConstraints t0 = new ColumnConstraints();
        t0.setHgrow(Priority.ALWAYS);
        totals.getColumnConstraints().addAll(t0, new ColumnConstraints());
        int row = 0;
        row = total(totals, row, i18n.t("cart.subtotal"), Formats.rupiah(cart.subtotal()), false);
        if (cart.voucherCode() != null) {
            row = total(
                    totals, row, i18n.t("checkout.voucher", cart.voucherCode()), Formats.minus(cart.discount()), false);
        }
        total(totals, row, i18n.t("cart.total"), Formats.rupiah(cart.total()), true);
        Label payHint = Views.label(i18n, "checkout.payHint", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        payHint.setWrapText(true);
        Button confirm = Views.button(i18n, "checkout.confirm", Material2AL.CHECK_CIRCLE, Styles.SUCCESS, Styles.LARGE);
        confirm.setId("checkout-confirm");
        confirm.setMaxWidth(Double.MAX_VALUE);
        confirm.disableProperty()
                .bind(vm.placingProperty().or(vm.addressProperty().isNull()));
        confirm.setOnAction(e -> vm.confirm());
        box.getChildren().addAll(lines, new Separator(), totals, payHint, confirm);
        return box;
    }

    private static int total(GridPane g, int row, String name, String amount, boolean strong) {
        Label n = new Label(name);
        Label a = new Label(amount);
        if (strong) {
            n.getStyleClass().add("total-label");
            a.getStyleClass().add("total-amount");
        }
        g.add(n, 0, row);
        g.add(a, 1, row);
        GridPane.setHalignment(a, HPos.RIGHT);
        return row + 1;
    }

    private void placed() {
        Order o = vm.placedProperty().get();
        FontIcon ok = new FontIcon(Material2AL.CHECK_CIRCLE);
        ok.getStyleClass().add("icon-72");
        ok.getStyleClass().add("success-icon");
        Label thanks = Views.label(i18n, "checkout.thanks", Styles.TITLE_1);
        Label number = new Label(o == null ? "" : o.orderNumber());
        number.setId("order-number");
        number.getStyleClass().add("order-number");
        Label numberHint = Views.label(i18n, "checkout.orderNumber", Styles.TEXT_MUTED);
        Label total = new Label(o == null ? "" : i18n.t("checkout.paidTotal", Formats.rupiah(o.total())));
        Label where = new Label(
                o == null || o.shippingAddressText() == null ? "" : i18n.t("checkout.shipTo", o.shippingAddressText()));
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        Button more = Views.button(i18n, "checkout.continue", Material2MZ.STOREFRONT, Styles.ACCENT, Styles.LARGE);
        more.setId("continue-shopping");
        more.setOnAction(e -> nav.continueShopping());
        Button orders = Views.button(i18n, "nav.orders", Material2MZ.RECEIPT_LONG, Styles.LARGE);
        orders.setOnAction(e -> nav.orders());
        VBox box = new VBox(12, ok, thanks, numberHint, number, total, where, new HBox(10, more, orders));
        ((HBox) box.getChildren().get(box.getChildren().size() - 1)).setAlignment(Pos.CENTER);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.getStyleClass().add("confirmation");
        box.setId("order-confirmation");
        content.getChildren().setAll(box);
    }

    /** Offline, queued: a reference to keep and "to be confirmed", never an order number yet. */
    private void queued() {
        var q = vm.queuedProperty().get();
        FontIcon wait = new FontIcon(Material2MZ.SCHEDULE);
        wait.getStyleClass().add("icon-72");
        Label title = Views.label(i18n, "checkout.queued.title", Styles.TITLE_2);
        Label hint = Views.label(i18n, "checkout.queued.reference", Styles.TEXT_MUTED);
        Label reference = new Label(q == null ? "" : q.reference());
        reference.setId("queued-reference");
        reference.getStyleClass().add("order-number");
        Label total = new Label(q == null ? "" : i18n.t("checkout.queued.total", Formats.rupiah(q.total())));
        Label explain = Views.label(i18n, "checkout.queued.explain", Styles.TEXT_MUTED);
        explain.setWrapText(true);
        Button more = Views.button(i18n, "checkout.continue", Material2MZ.STOREFRONT, Styles.ACCENT, Styles.LARGE);
        more.setOnAction(e -> nav.continueShopping());
        VBox box = new VBox(12, wait, title, hint, reference, total, explain, more);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.getStyleClass().add("confirmation");
        box.setId("order-queued");
        content.getChildren().setAll(box);
    }
}

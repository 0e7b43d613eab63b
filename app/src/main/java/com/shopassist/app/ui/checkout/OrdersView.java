package com.shopassist.app.ui.checkout;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderLine;
import com.shopassist.core.order.OrderStatus;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Order history on the left, the chosen order's details and status on the right. */
public final class OrdersView extends BorderPane {

    private final OrdersViewModel vm;
    private final I18n i18n;
    private final VBox detail = new VBox(12);

    public OrdersView(OrdersViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("orders-view");
        ListView<Order> list = new ListView<>(vm.orders());
        list.setId("orders-list");
        list.setPrefWidth(320);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Order o, boolean empty) {
                super.updateItem(o, empty);
                if (empty || o == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label number = new Label(o.orderNumber());
                number.getStyleClass().add(Styles.TEXT_BOLD);
                Label when =
                        new Label(Formats.dateTime(o.createdAt(), i18n.locale()) + " · " + Formats.rupiah(o.total()));
                when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                Region grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                HBox top = new HBox(8, number, grow, status(o.status()));
                setGraphic(new VBox(2, top, when));
                setText(null);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (now != null) vm.select(now);
        });
        vm.selectedProperty().addListener((o, a, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now)
                list.getSelectionModel().select(now);
            render();
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            list.refresh();
            render();
        });
        vm.orders().addListener((javafx.collections.ListChangeListener<Order>) c -> render());
        VBox left = new VBox(10, Views.title(i18n, "orders.title"), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(20, 12, 20, 24));
        setLeft(left);
        detail.setPadding(new Insets(64, 24, 24, 12));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        render();
    }

    private Label status(OrderStatus s) {
        Label l = new Label(i18n.t("status." + s.name()));
        l.getStyleClass().addAll("status-badge", "status-" + s.name().toLowerCase(java.util.Locale.ROOT));
        return l;
    }

    private void render() {
        Order o = vm.selectedProperty().get();
        if (o == null) {
            detail.getChildren()
                    .setAll(
                            vm.orders().isEmpty()
                                    ? Views.emptyState(i18n, Material2MZ.RECEIPT_LONG, "orders.none", "orders.noneHint")
                                    : new Label());
            return;
        }
        Label number = new Label(o.orderNumber());
        number.getStyleClass().add(Styles.TITLE_3);
        Label when = new Label(Formats.dateTime(o.createdAt(), i18n.locale()));
        when.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(12, number, status(o.status()));
        head.setAlignment(Pos.CENTER_LEFT);
        GridPane lines = new GridPane();
        lines.setHgap(14);
        lines.setVgap(6);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        lines.getColumnConstraints().addAll(c0, new ColumnConstraints(), new ColumnConstraints());
        int r = 0;
        for (OrderLine l : o.lines()) {
            lines.add(new Label(l.productName()), 0, r);
            lines.add(new Label("× " + l.quantity()), 1, r);
            // before the voucher: the discount shows once, in the totals below
            Label t = new Label(Formats.rupiah(l.lineSubtotal()));
            t.setMinWidth(Region.USE_PREF_SIZE);
            lines.add(t, 2, r++);
            GridPane.setHalignment(t, HPos.RIGHT);
        }
        GridPane totals = new GridPane();
        totals.setHgap(14);
        totals.setVgap(4);
        ColumnConstraints t0 = new ColumnConstraints();
        t0.setHgrow(Priority.ALWAYS);
        totals.getColumnConstraints().addAll(t0, new ColumnConstraints());
        int row = 0;
        row = addTotal(totals, row, i18n.t("cart.subtotal"), Formats.rupiah(o.subtotal()), false);
        if (o.discount() != null && !o.discount().isZero()) {
            row = addTotal(
                    totals,
                    row,
                    i18n.t("checkout.voucher", o.voucherCode() == null ? "" : o.voucherCode()),
                    Formats.minus(o.discount()),
                    false);
        }
        addTotal(totals, row, i18n.t("cart.total"), Formats.rupiah(o.total()), true);
        Label ship =
                new Label(o.shippingAddressText() == null ? "" : i18n.t("checkout.shipTo", o.shippingAddressText()));
        ship.setWrapText(true);
        ship.getStyleClass().add(Styles.TEXT_MUTED);
        detail.getChildren().setAll(head, when, new Separator(), lines, new Separator(), totals, ship, timeline(o));
        if (o.status() == OrderStatus.PENDING) {
            Button cancel = Views.button(i18n, "orders.cancel", Material2AL.CANCEL, Styles.DANGER, Styles.FLAT);
            cancel.setOnAction(e -> vm.cancel(o));
            detail.getChildren().add(cancel);
        }
    }

    private Node timeline(Order o) {
        VBox box = new VBox(4);
        box.getChildren().add(Views.label(i18n, "orders.history", Styles.TEXT_BOLD));
        step(box, "status.PENDING", o.createdAt());
        step(box, "status.PAID", o.paidAt());
        step(box, "status.SHIPPED", o.shippedAt());
        step(box, "status.DELIVERED", o.deliveredAt());
        step(box, "status.CANCELLED", o.cancelledAt());
        return box;
    }

    private void step(VBox box, String key, java.time.Instant when) {
        if (when == null) return;
        Label l = new Label("• " + i18n.t(key) + " — " + Formats.dateTime(when, i18n.locale()));
        l.getStyleClass().add(Styles.TEXT_SMALL);
        box.getChildren().add(l);
    }

    private static int addTotal(GridPane g, int row, String name, String amount, boolean strong) {
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
}

package com.shopassist.app.ui.checkout;

import com.shopassist.app.ui.UiContext;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The served customer's order history and one order's details with its status. */
public final class OrdersViewModel {

    private final UiContext ui;
    private final ObservableList<Order> orders = FXCollections.observableArrayList();
    private final ObjectProperty<Order> selected = new SimpleObjectProperty<>();

    public OrdersViewModel(UiContext ui) {
        this.ui = ui;
        ui.session().epochProperty().addListener((o, a, b) -> {
            orders.clear();
            selected.set(null);
        });
    }

    public void load() {
        var customer = ui.session().customer();
        if (customer == null) {
            orders.clear();
            selected.set(null);
            return;
        }
        long id = customer.id();
        ui.tasks()
                .run(
                        () -> ui.services().orders().orders(id, 1, 50).items(),
                        list -> {
                            orders.setAll(list);
                            if (selected.get() == null && !list.isEmpty()) selected.set(list.get(0));
                        },
                        ui.feedback()::error);
    }

    public void select(Order order) {
        selected.set(order);
    }

    /** A shopper cancels their own pending order (its stock goes back on the shelf). */
    public void cancel(Order order) {
        var customer = ui.session().customer();
        if (customer == null || order.status() != OrderStatus.PENDING || ui.refuseWriteWhenOffline()) return;
        ui.tasks()
                .run(
                        () -> ui.services().orders().cancel(customer.id(), order.id()),
                        updated -> {
                            orders.replaceAll(o -> o.id() == updated.id() ? updated : o);
                            selected.set(updated);
                            ui.feedback().info("orders.cancelled", updated.orderNumber());
                        },
                        ui.feedback()::error);
    }

    public ObservableList<Order> orders() {
        return orders;
    }

    public ObjectProperty<Order> selectedProperty() {
        return selected;
    }
}

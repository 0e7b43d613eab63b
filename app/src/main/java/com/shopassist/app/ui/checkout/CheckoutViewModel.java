package com.shopassist.app.ui.checkout;

import com.shopassist.app.ui.UiContext;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.customer.Address;
import com.shopassist.core.order.Order;
import com.shopassist.core.outbox.CheckoutQueuedException;
import java.math.BigDecimal;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Checkout: choose (or add) an address, voucher in the cart pane, the summary, Confirm. The
 * idempotency key is made when the screen opens, so a double tap on Confirm or a retry after a
 * lost answer places one order, not two.
 */
public final class CheckoutViewModel {

    public enum Step {
        SIGN_IN_NEEDED,
        REVIEW,
        PLACED,
        /** The store's system was offline: the order request waits with a reference, to be confirmed. */
        QUEUED
    }

    private final UiContext ui;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.REVIEW);
    private final ObservableList<Address> addresses = FXCollections.observableArrayList();
    private final ObjectProperty<Address> address = new SimpleObjectProperty<>();
    private final ObjectProperty<Order> placed = new SimpleObjectProperty<>();
    private final ObjectProperty<CheckoutQueuedException> queued = new SimpleObjectProperty<>();
    private final BooleanProperty placing = new SimpleBooleanProperty(false);
    private final StringProperty newLabel = new SimpleStringProperty("");
    private final StringProperty newRecipient = new SimpleStringProperty("");
    private final StringProperty newPhone = new SimpleStringProperty("");
    private final StringProperty newStreet = new SimpleStringProperty("");
    private final StringProperty newCity = new SimpleStringProperty("");
    private final StringProperty newPostalCode = new SimpleStringProperty("");
    private String idempotencyKey;

    public CheckoutViewModel(UiContext ui) {
        this.ui = ui;
        ui.session().epochProperty().addListener((o, a, b) -> {
            addresses.clear();
            address.set(null);
            placed.set(null);
            queued.set(null);
            step.set(Step.REVIEW);
        });
    }

    /** The screen opened: a fresh key, the addresses and the cart as it is now. */
    public void open() {
        placed.set(null);
        queued.set(null);
        var customer = ui.session().customer();
        if (customer == null) {
            step.set(Step.SIGN_IN_NEEDED);
            return;
        }
        step.set(Step.REVIEW);
        long customerId = customer.id();
        var owner = ui.session().owner();
        ui.tasks()
                .run(
                        () -> new Object[] {
                            ui.services().checkout().newIdempotencyKey(),
                            ui.services().customers().addresses(customerId),
                            ui.services().carts().cart(owner)
                        },
                        loaded -> {
                            idempotencyKey = (String) loaded[0];
                            @SuppressWarnings("unchecked")
                            var list = (java.util.List<Address>) loaded[1];
                            addresses.setAll(list);
                            address.set(list.stream()
                                    .filter(Address::isDefault)
                                    .findFirst()
                                    .orElse(list.isEmpty() ? null : list.get(0)));
                            ui.session().setCart((Cart) loaded[2]);
                        },
                        ui.feedback()::error);
    }

    public void addAddress() {
        var customer = ui.session().customer();
        if (customer == null) return;
        if (blank(newLabel) || blank(newStreet) || blank(newCity)) {
            ui.feedback().warning("checkout.address.required");
            return;
        }
        if (ui.refuseWriteWhenOffline()) return;
        Address draft = new Address(
                0,
                customer.id(),
                newLabel.get().strip(),
                blank(newRecipient) ? customer.fullName() : newRecipient.get().strip(),
                blank(newPhone) ? customer.phone() : newPhone.get().strip(),
                newStreet.get().strip(),
                newCity.get().strip(),
                null,
                blank(newPostalCode) ? null : newPostalCode.get().strip(),
                "Indonesia",
                (BigDecimal) null,
                (BigDecimal) null,
                addresses.isEmpty());
        ui.tasks()
                .run(
                        () -> ui.services().customers().addAddress(customer.id(), draft),
                        saved -> {
                            addresses.add(saved);
                            address.set(saved);
                            newLabel.set("");
                            newRecipient.set("");
                            newPhone.set("");
                            newStreet.set("");
                            newCity.set("");
                            newPostalCode.set("");
                            ui.feedback().success("checkout.address.added", saved.label());
                        },
                        ui.feedback()::error);
    }

    public void confirm() {
        var customer = ui.session().customer();
        Cart cart = ui.session().cart();
        if (customer == null) {
            step.set(Step.SIGN_IN_NEEDED);
            return;
        }
        if (cart == null || cart.isEmpty()) {
            ui.feedback().info("cart.emptyCheckout");
            return;
        }
        if (address.get() == null) {
            ui.feedback().warning("checkout.chooseAddress");
            return;
        }
        if (placing.get() || ui.refuseCartWriteWhenOffline()) return;
        placing.set(true);
        long customerId = customer.id();
        long addressId = address.get().id();
        String key = idempotencyKey;
        var owner = ui.session().owner();
        ui.tasks()
                .run(
                        () -> {
                            String k =
                                    key != null ? key : ui.services().checkout().newIdempotencyKey();
                            Order order = ui.services().checkout().checkout(customerId, addressId, k);
                            return new Object[] {order, ui.services().carts().cart(owner)};
                        },
                        done -> {
                            placing.set(false);
                            placed.set((Order) done[0]);
                            ui.session().setCart((Cart) done[1]);
                            step.set(Step.PLACED);
                            idempotencyKey = null;
                        },
                        e -> {
                            placing.set(false);
                            if (e instanceof CheckoutQueuedException q) {
                                queuedForLater(q, owner);
                            } else {
                                ui.feedback().error(e);
                            }
                        });
    }

    /** No order yet: the request waits in the outbox; the shopper keeps its reference. */
    private void queuedForLater(CheckoutQueuedException q, com.shopassist.core.cart.CartOwner owner) {
        queued.set(q);
        step.set(Step.QUEUED);
        idempotencyKey = null;
        ui.tasks().quietly(() -> ui.services().carts().cart(owner), ui.session()::setCart);
    }

    private static boolean blank(StringProperty p) {
        return p.get() == null || p.get().isBlank();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObservableList<Address> addresses() {
        return addresses;
    }

    public ObjectProperty<Address> addressProperty() {
        return address;
    }

    public ObjectProperty<Order> placedProperty() {
        return placed;
    }

    /** The order request queued while offline (its reference and total), when the step is QUEUED. */
    public ObjectProperty<CheckoutQueuedException> queuedProperty() {
        return queued;
    }

    public BooleanProperty placingProperty() {
        return placing;
    }

    public StringProperty newLabelProperty() {
        return newLabel;
    }

    public StringProperty newRecipientProperty() {
        return newRecipient;
    }

    public StringProperty newPhoneProperty() {
        return newPhone;
    }

    public StringProperty newStreetProperty() {
        return newStreet;
    }

    public StringProperty newCityProperty() {
        return newCity;
    }

    public StringProperty newPostalCodeProperty() {
        return newPostalCode;
    }
}

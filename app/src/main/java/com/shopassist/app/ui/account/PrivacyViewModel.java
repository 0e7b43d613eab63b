package com.shopassist.app.ui.account;

import com.shopassist.app.ui.UiContext;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Export my data" and "delete my account" for the signed-in customer, or for the customer a
 * clerk serves: then the customer types their own password, which the store database checks
 * (decision 0080).
 */
public final class PrivacyViewModel {

    private final UiContext ui;
    private final StringProperty exported = new SimpleStringProperty("");
    private final BooleanProperty understood = new SimpleBooleanProperty(false);
    private final StringProperty customerPassword = new SimpleStringProperty("");
    private final BooleanBinding clerkServes;

    public PrivacyViewModel(UiContext ui) {
        this.ui = ui;
        ui.session().epochProperty().addListener((o, a, b) -> {
            exported.set("");
            understood.set(false);
            customerPassword.set("");
        });
        clerkServes = ui.session()
                .clerkProperty()
                .isNotNull()
                .and(ui.session().customerProperty().isNotNull());
    }

    public void export() {
        var c = ui.session().customer();
        if (c == null) return;
        char[] password = customerPassword();
        if (clerkServes.get() && password == null) {
            ui.feedback().warning("privacy.customerPasswordNeeded");
            return;
        }
        ui.tasks().run(() -> ui.services().privacy().exportJson(c.id(), password), exported::set, ui.feedback()::error);
    }

    /** What the served customer typed (then cleared from the field), or null on a customer's own session. */
    private char[] customerPassword() {
        String typed = customerPassword.get();
        customerPassword.set("");
        return clerkServes.get() && typed != null && !typed.isEmpty() ? typed.toCharArray() : null;
    }

    /**
     * Deletes the account once the shopper ticked "I understand". A customer who deleted their own
     * account leaves a guest kiosk behind; a clerk who deleted the served customer's (with that
     * customer's password) stays signed in, serving no one.
     */
    public void deleteAccount() {
        var c = ui.session().customer();
        if (c == null) return;
        if (!understood.get()) {
            ui.feedback().warning("privacy.confirmFirst");
            return;
        }
        if (ui.refuseWriteWhenOffline()) return;
        boolean byClerk = clerkServes.get();
        char[] password = customerPassword();
        if (byClerk && password == null) {
            ui.feedback().warning("privacy.customerPasswordNeeded");
            return;
        }
        var ctx = ui.session().chatContext(ui.i18n().locale());
        String ownToken = byClerk ? null : ui.session().customerToken();
        ui.tasks()
                .runThen(
                        () -> {
                            ui.services().privacy().deleteAccount(c.id(), password);
                            ui.services().assistant().forget(ctx);
                            // the erasure ended the customer's sessions: this kiosk stops presenting theirs
                            if (ownToken != null) ui.services().customers().logout(ownToken);
                        },
                        () -> {
                            if (byClerk) {
                                ui.session().stopActing();
                                ui.feedback().success("privacy.deletedForCustomer", c.fullName());
                            } else {
                                ui.session().resetToGuest();
                                ui.feedback().success("privacy.deleted");
                            }
                        },
                        ui.feedback()::error);
    }

    public StringProperty exportedProperty() {
        return exported;
    }

    public BooleanProperty understoodProperty() {
        return understood;
    }

    /** The served customer's password, typed by the customer when a clerk serves them. */
    public StringProperty customerPasswordProperty() {
        return customerPassword;
    }

    /** True while a clerk serves the customer: the customer's password is asked for. */
    public BooleanBinding clerkServesProperty() {
        return clerkServes;
    }
}

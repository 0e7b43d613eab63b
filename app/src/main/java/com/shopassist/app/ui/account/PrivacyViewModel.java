package com.shopassist.app.ui.account;

import com.shopassist.app.ui.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** "Export my data" and "delete my account" for the signed-in customer. */
public final class PrivacyViewModel {

    private final UiContext ui;
    private final StringProperty exported = new SimpleStringProperty("");
    private final BooleanProperty understood = new SimpleBooleanProperty(false);

    public PrivacyViewModel(UiContext ui) {
        this.ui = ui;
        ui.session().epochProperty().addListener((o, a, b) -> {
            exported.set("");
            understood.set(false);
        });
    }

    public void export() {
        var c = ui.session().customer();
        if (c == null) return;
        ui.tasks().run(() -> ui.services().privacy().exportJson(c.id()), exported::set, ui.feedback()::error);
    }

    /** Deletes the account once the shopper ticked "I understand"; the kiosk returns to a guest. */
    public void deleteAccount() {
        var c = ui.session().customer();
        if (c == null) return;
        if (!understood.get()) {
            ui.feedback().warning("privacy.confirmFirst");
            return;
        }
        if (ui.refuseWriteWhenOffline()) return;
        var ctx = ui.session().chatContext(ui.i18n().locale());
        ui.tasks()
                .runThen(
                        () -> {
                            ui.services().privacy().deleteAccount(c.id());
                            ui.services().assistant().forget(ctx);
                        },
                        () -> {
                            ui.session().resetToGuest();
                            ui.feedback().success("privacy.deleted");
                        },
                        ui.feedback()::error);
    }

    public StringProperty exportedProperty() {
        return exported;
    }

    public BooleanProperty understoodProperty() {
        return understood;
    }
}

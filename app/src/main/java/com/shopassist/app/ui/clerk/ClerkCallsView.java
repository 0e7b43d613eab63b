package com.shopassist.app.ui.clerk;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.core.clerk.ClerkCall;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A strip under the header in clerk mode: each open call with its kiosk and a Take button. */
public final class ClerkCallsView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public ClerkCallsView(ClerkCallsViewModel vm, I18n i18n) {
        setId("clerk-calls");
        getStyleClass().add("clerk-calls");
        setSpacing(4);
        setPadding(new Insets(6, 16, 6, 16));
        visibleProperty().bind(vm.showingProperty());
        managedProperty().bind(vm.showingProperty());
        vm.open().addListener((ListChangeListener<ClerkCall>) c -> rows(vm, i18n));
        rows(vm, i18n);
    }

    private void rows(ClerkCallsViewModel vm, I18n i18n) {
        getChildren().clear();
        for (ClerkCall call : vm.open()) {
            Label what = new Label(i18n.t(
                    "clerk.callRow",
                    call.kioskName(),
                    TIME.format(call.calledAt().atZone(ZoneId.systemDefault()))));
            what.getStyleClass().add(Styles.TEXT_BOLD);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            Button take = new Button(i18n.t("clerk.take"));
            take.setId("take-call-" + call.id());
            take.getStyleClass().add(Styles.ACCENT);
            take.setOnAction(e -> vm.take(call));
            HBox row = new HBox(12, what, grow, take);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("clerk-call");
            getChildren().add(row);
        }
    }
}

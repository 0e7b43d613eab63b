package com.shopassist.app.ui.account;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.Views;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Export my data; delete my account. */
public final class PrivacyView extends ScrollPane {

    public PrivacyView(PrivacyViewModel vm, I18n i18n, boolean kiosk, Runnable back) {
        setId("privacy-view");
        setFitToWidth(true);
        Button backButton = Views.button(i18n, "nav.back", Material2AL.ARROW_BACK, Styles.FLAT);
        backButton.setOnAction(e -> back.run());
        Label intro = Views.label(i18n, "privacy.intro", Styles.TEXT_MUTED);
        intro.setWrapText(true);

        Button export = Views.button(i18n, "privacy.export", Material2AL.GET_APP, Styles.ACCENT);
        export.setId("privacy-export");
        export.setOnAction(e -> vm.export());
        TextArea json = new TextArea();
        json.setEditable(false);
        json.setWrapText(true);
        json.setPrefRowCount(12);
        json.textProperty().bind(vm.exportedProperty());
        json.visibleProperty().bind(vm.exportedProperty().isNotEmpty());
        json.managedProperty().bind(json.visibleProperty());
        json.getStyleClass().add("export-json");
        Button save = Views.button(i18n, "privacy.save", Material2MZ.SAVE_ALT, Styles.FLAT);
        save.visibleProperty()
                .bind(vm.exportedProperty()
                        .isNotEmpty()
                        .and(javafx.beans.binding.Bindings.createBooleanBinding(() -> !kiosk)));
        save.managedProperty().bind(save.visibleProperty());
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("shopassist-my-data.json");
            var file = fc.showSaveDialog(getScene().getWindow());
            if (file != null) {
                try {
                    java.nio.file.Files.writeString(
                            file.toPath(), vm.exportedProperty().get());
                } catch (java.io.IOException ex) {
                    json.setText(i18n.t("error.unexpected"));
                }
            }
        });
        VBox exportBox = new VBox(
                10,
                Views.label(i18n, "privacy.exportTitle", Styles.TITLE_4),
                Views.label(i18n, "privacy.exportHint", Styles.TEXT_MUTED),
                new HBox(10, export, save),
                json);
        exportBox.getStyleClass().add("profile-card");
        exportBox.setPadding(new Insets(16));

        Label warn = Views.label(i18n, "privacy.deleteHint");
        warn.setWrapText(true);
        CheckBox understood = new CheckBox();
        understood.setId("privacy-understood");
        understood.textProperty().bind(i18n.bind("privacy.understand"));
        understood.selectedProperty().bindBidirectional(vm.understoodProperty());
        understood.setWrapText(true);
        Button delete = Views.button(i18n, "privacy.delete", Material2AL.DELETE_FOREVER, Styles.DANGER);
        delete.setId("privacy-delete");
        delete.disableProperty().bind(vm.understoodProperty().not());
        delete.setOnAction(e -> vm.deleteAccount());
        VBox deleteBox =
                new VBox(10, Views.label(i18n, "privacy.deleteTitle", Styles.TITLE_4), warn, understood, delete);
        deleteBox.getStyleClass().addAll("profile-card", "danger-zone");
        deleteBox.setPadding(new Insets(16));

        // a clerk serving the customer: the customer types their own password, checked by the database
        PasswordField customerPassword = new PasswordField();
        customerPassword.setId("privacy-customer-password");
        customerPassword.promptTextProperty().bind(i18n.bind("privacy.customerPassword"));
        customerPassword.textProperty().bindBidirectional(vm.customerPasswordProperty());
        customerPassword.visibleProperty().bind(vm.clerkServesProperty());
        customerPassword.managedProperty().bind(customerPassword.visibleProperty());

        VBox content = new VBox(
                18, backButton, Views.title(i18n, "privacy.title"), intro, customerPassword, exportBox, deleteBox);
        content.setPadding(new Insets(20, 24, 24, 24));
        content.setMaxWidth(760);
        setContent(content);
    }
}

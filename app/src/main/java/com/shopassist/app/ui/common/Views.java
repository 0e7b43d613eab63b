package com.shopassist.app.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the views, so labels always follow the language. */
public final class Views {
    private Views() {}

    public static Label label(I18n i18n, String key, String... styles) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().addAll(styles);
        return l;
    }

    public static Label title(I18n i18n, String key) {
        return label(i18n, key, Styles.TITLE_2);
    }

    public static Button button(I18n i18n, String key, Ikon icon, String... styles) {
        Button b = new Button();
        b.textProperty().bind(i18n.bind(key));
        if (icon != null) b.setGraphic(new FontIcon(icon));
        b.getStyleClass().addAll(styles);
        return b;
    }

    /** A centred empty state: big icon, a title and a hint. */
    public static VBox emptyState(I18n i18n, Ikon icon, String titleKey, String hintKey) {
        FontIcon fi = new FontIcon(icon);
        fi.getStyleClass().add("icon-56");
        fi.getStyleClass().add("empty-icon");
        Label t = label(i18n, titleKey, Styles.TITLE_3);
        VBox box = new VBox(10, fi, t);
        if (hintKey != null) {
            Label h = label(i18n, hintKey, Styles.TEXT_MUTED);
            h.setWrapText(true);
            h.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            box.getChildren().add(h);
        }
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setMaxWidth(480);
        return box;
    }

    public static Node page(Node... children) {
        VBox box = new VBox(16, children);
        box.setPadding(new Insets(20, 24, 20, 24));
        box.getStyleClass().add("page");
        return box;
    }
}

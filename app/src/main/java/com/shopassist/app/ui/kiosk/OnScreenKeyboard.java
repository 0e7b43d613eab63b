package com.shopassist.app.ui.kiosk;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A touch keyboard docked at the bottom of the kiosk window. It shows while a text field has
 * focus and types into that field; its keys never take the focus themselves. The layout follows
 * the UI language (English or Indonesian).
 */
public final class OnScreenKeyboard extends VBox {

    private final I18n i18n;
    private TextInputControl target;
    private boolean shift;
    private boolean dismissed;

    public OnScreenKeyboard(I18n i18n) {
        this.i18n = i18n;
        getStyleClass().add("on-screen-keyboard");
        setId("on-screen-keyboard");
        setSpacing(6);
        setPadding(new Insets(10, 16, 12, 16));
        setAlignment(Pos.CENTER);
        setVisible(false);
        setManaged(false);
        i18n.localeProperty().addListener((o, a, b) -> build());
        build();
    }

    /** Follows the focus of {@code scene}: shows for text fields, hides otherwise. */
    public void attach(Scene scene) {
        // a tap on a field brings the keyboard back, even when that field already had the focus
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (Object t = e.getTarget(); t instanceof javafx.scene.Node n; t = n.getParent()) {
                if (n instanceof TextInputControl field && field.isEditable()) {
                    target = field;
                    dismissed = false;
                    show(true);
                    return;
                }
            }
        });
        scene.focusOwnerProperty().addListener((o, old, now) -> {
            if (now instanceof TextInputControl t && t.isEditable()) {
                target = t;
                if (!dismissed) show(true);
            } else if (now != null && !isAncestorOf(now)) {
                dismissed = false;
                show(false);
            }
        });
    }

    private boolean isAncestorOf(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (p == this) return true;
        return false;
    }

    public void show(boolean on) {
        setVisible(on);
        setManaged(on);
    }

    public TextInputControl target() {
        return target;
    }

    private void build() {
        KeyboardLayout layout = KeyboardLayout.forLanguage(i18n.locale().getLanguage());
        getChildren().clear();
        for (List<String> row : layout.rows()) {
            HBox line = new HBox(6);
            line.setAlignment(Pos.CENTER);
            for (String key : row) line.getChildren().add(key(key));
            getChildren().add(line);
        }
    }

    private Button key(String key) {
        Button b = new Button();
        b.setFocusTraversable(false);
        b.getStyleClass().add("osk-key");
        b.setMinHeight(48);
        b.setMinWidth(52);
        switch (key) {
            case KeyboardLayout.BACKSPACE -> {
                b.setGraphic(new FontIcon(Material2AL.BACKSPACE));
                b.setMinWidth(84);
            }
            case KeyboardLayout.SHIFT -> {
                b.setGraphic(new FontIcon(Material2AL.KEYBOARD_CAPSLOCK));
                b.setMinWidth(84);
            }
            case KeyboardLayout.SPACE -> {
                b.textProperty().bind(i18n.bind("keyboard.space"));
                b.setMinWidth(340);
                HBox.setHgrow(b, Priority.SOMETIMES);
            }
            case KeyboardLayout.ENTER -> {
                b.textProperty().bind(i18n.bind("keyboard.enter"));
                b.setGraphic(new FontIcon(Material2AL.KEYBOARD_RETURN));
                b.getStyleClass().add(Styles.ACCENT);
                b.setMinWidth(120);
            }
            case KeyboardLayout.HIDE -> {
                b.setGraphic(new FontIcon(Material2AL.KEYBOARD_HIDE));
                b.setMinWidth(84);
            }
            default -> b.setText(key);
        }
        b.setId("osk-" + key);
        b.setOnAction(e -> press(key));
        return b;
    }

    /** Types one key into the focused field (public so tests and the kiosk tour can press keys). */
    public void press(String key) {
        if (KeyboardLayout.HIDE.equals(key)) {
            dismissed = true;
            show(false);
            return;
        }
        if (KeyboardLayout.SHIFT.equals(key)) {
            shift = !shift;
            getChildren()
                    .forEach(row -> ((HBox) row).getChildren().forEach(n -> {
                        if (n instanceof Button k
                                && k.getText() != null
                                && k.getText().length() == 1
                                && !k.textProperty().isBound()) {
                            k.setText(
                                    shift
                                            ? k.getText().toUpperCase(java.util.Locale.ROOT)
                                            : k.getText().toLowerCase(java.util.Locale.ROOT));
                        }
                    }));
            return;
        }
        if (target == null) return;
        if (KeyboardLayout.BACKSPACE.equals(key)) {
            if (target.getSelection().getLength() > 0) target.replaceSelection("");
            else target.deletePreviousChar();
            return;
        }
        if (KeyboardLayout.ENTER.equals(key)) {
            if (target instanceof TextField tf) tf.fireEvent(new ActionEvent(tf, tf));
            return;
        }
        target.replaceSelection(KeyboardLayout.typed(key, shift));
        if (shift) press(KeyboardLayout.SHIFT);
    }
}
